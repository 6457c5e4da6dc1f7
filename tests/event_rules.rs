//! Every rule of the event catalogue (`chronik::events::rules`) fires on its own example
//! sentence, published on Wednesday 2024-03-06.

use chronik::document::Article;
use chronik::events::rules;
use chronik::{DataDir, Pipeline};

#[test]
fn every_rule_fires_on_its_example() {
    let pipeline = Pipeline::new(&DataDir::bundled()).expect("bundled data loads");
    let published = "2024-03-06T12:00:00+01:00".parse().unwrap();
    let mut silent = Vec::new();
    for rule in rules::ALL {
        let article = Article::new(rule.id, published, rule.example);
        let found = pipeline.extract(&article);
        let fired = found.events.iter().any(|e| e.rules.contains(&rule.id));
        if !fired {
            let seen: Vec<_> = found.events.iter().map(|e| e.rules.clone()).collect();
            silent.push(format!("{}: {:?} gave {seen:?}", rule.id, rule.example));
        }
    }
    assert!(
        silent.is_empty(),
        "rules that do not fire on their example:\n{}",
        silent.join("\n")
    );
}

#[test]
fn rule_ids_are_unique_and_named_by_question() {
    let mut ids: Vec<&str> = rules::ALL.iter().map(|r| r.id).collect();
    ids.sort();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "duplicate rule ids");
    for id in ids {
        let (question, name) = id.split_once('/').expect("question/name");
        assert!(!question.is_empty() && !name.is_empty(), "{id}");
    }
}
