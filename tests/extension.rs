//! A user extends chronik without Rust: an actor, an alias and a trigger in data files of their
//! own, layered over the bundled data (`DataDir::with_overlay`, CLI `--extra-data DIR`).

use chronik::document::Article;
use chronik::{DataDir, Pipeline};

const TEXT: &str =
    "Der Bergbund und das Zarenreich hielten am Montag in Genf eine Plauderrunde ab.";

/// A directory with one new organisation, one new alias of Russland and one new trigger.
fn overlay(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("chronik-{test}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("actors")).unwrap();
    std::fs::create_dir_all(dir.join("events")).unwrap();
    std::fs::write(
        dir.join("actors/organisations.tsv"),
        "# my organisations\n\
         id\tqid\ttype\tname\tgender\taliases\tabbreviations\tparent\tmembers\tcategory\n\
         bergbund\t\torganisation\tBergbund\tm\tBund der Berge\t\t\t\tintergovernmental\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("actors/states.tsv"),
        "id\tqid\tname\tgender\taliases\tadjectives\tdemonyms\tprefixes\tcapital\tseats\n\
         russland\t\t\t\tZarenreich\t\t\t\t\t\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("events/triggers.tsv"),
        "form\tkind\tpos\trequires\nPlauderrunde\ttalks\tnoun\t\n",
    )
    .unwrap();
    dir
}

fn meetings(pipeline: &Pipeline) -> Vec<(String, Vec<String>)> {
    let article = Article::new("x", "2022-01-12T10:00:00+01:00".parse().unwrap(), TEXT);
    let found = pipeline.extract(&article);
    found
        .events
        .iter()
        .map(|e| {
            let mut parties: Vec<String> = e
                .participants
                .iter()
                .map(|p| pipeline.gazetteer().actor(p.actor).id.clone())
                .collect();
            parties.sort();
            (e.trigger.text(&article.text).to_string(), parties)
        })
        .collect()
}

#[test]
fn an_actor_an_alias_and_a_trigger_from_a_users_files_are_used() {
    let bundled = Pipeline::bundled().unwrap();
    assert!(bundled.find_actor("Bergbund").is_none());
    assert!(
        meetings(&bundled).is_empty(),
        "the bundled data knows none of it"
    );

    let dir = overlay("extension-lib");
    let pipeline = Pipeline::new(&DataDir::bundled().with_overlay(&dir).unwrap()).unwrap();
    assert_eq!(
        pipeline.find_actor("Bund der Berge").unwrap().id,
        "bergbund"
    );
    assert_eq!(pipeline.find_actor("Zarenreich").unwrap().id, "russland");
    // the amended row keeps its bundled names
    assert_eq!(
        pipeline.find_actor("Russische Föderation").unwrap().id,
        "russland"
    );
    assert_eq!(pipeline.actor("Q159").unwrap().name, "Russland");
    assert_eq!(
        meetings(&pipeline),
        [(
            "Plauderrunde".to_string(),
            vec!["bergbund".to_string(), "russland".to_string()]
        )]
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_overlay_error_names_the_overlay_file_and_line() {
    let dir = std::env::temp_dir().join(format!("chronik-extension-bad-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("actors")).unwrap();
    let file = dir.join("actors/persons.tsv");
    std::fs::write(
        &file,
        "id\tqid\tname\taliases\tsurname\tgender\nneu\t\tNeu Person\t\t\tx\n",
    )
    .unwrap();
    let err = Pipeline::new(&DataDir::bundled().with_overlay(&dir).unwrap()).unwrap_err();
    let expected = format!("{}:2: gender \"x\" is not m or f", file.display());
    assert!(err.problems().any(|p| p.to_string() == expected), "{err}");
    let header = dir.join("actors/persons.tsv");
    std::fs::write(&header, "id\tname\n").unwrap();
    let err = Pipeline::new(&DataDir::bundled().with_overlay(&dir).unwrap()).unwrap_err();
    assert_eq!(err.input(), Some(header.display().to_string().as_str()));
    assert!(DataDir::bundled().with_overlay("/no/such/dir").is_err());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_cli_layers_extra_data() {
    let dir = overlay("extension-cli");
    let text = dir.join("article.txt");
    std::fs::write(&text, TEXT).unwrap();
    let run = |extra: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_chronik"));
        if extra {
            cmd.arg("--extra-data").arg(&dir);
        }
        let out = cmd
            .args(["extract", "--format", "jsonl", "--published"])
            .arg("2022-01-12T10:00:00+01:00")
            .arg(&text)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_chronik"))
        .arg("check-data")
        .arg("--extra-data")
        .arg(&dir)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stderr).into_owned()
        + &String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success() && report.contains("no problems, 0 warnings"),
        "{report}"
    );
    assert!(!run(false).contains("Plauderrunde"));
    let with = run(true);
    assert!(
        with.contains("\"bergbund\"") && with.contains("Plauderrunde"),
        "{with}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
