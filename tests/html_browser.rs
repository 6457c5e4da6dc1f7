//! The `--format html` page in a real browser: headless Chromium loads the page for the bundled
//! news page, runs its script, and this test reads the DOM it dumps (`--dump-dom`) and saves a
//! screenshot (`--screenshot`, in `target/tmp/html_browser/`).
//!
//! A click is made through the page's URL fragment: `#select=<event id>` makes the page
//! dispatch a `click` on the SVG mark it drew for that event, the same handler a user's click
//! runs; so the test sees that the mark was drawn and that clicking it shows the evidence.
//! This needs nothing but Chromium's command line (no DevTools protocol client, no timing).
//!
//! Without Chromium the test prints a notice and passes, unless `CHRONIK_CI=1` (set by
//! `.ci/run`, which installs Debian's `chromium`): then Chromium is mandatory. The browser can
//! be named with `CHRONIK_CHROMIUM=/path/to/chromium`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chronik(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_chronik"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The Chromium to use, or `None` (after a notice) when there is none and CI does not ask for it.
fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("CHRONIK_CHROMIUM").map(PathBuf::from);
    let found = named.or_else(|| {
        ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .find_map(|name| which(name))
    });
    if found.is_none() {
        assert!(
            std::env::var("CHRONIK_CI").as_deref() != Ok("1"),
            "CHRONIK_CI=1 needs Chromium for the HTML page test (Debian: apt-get install chromium)"
        );
        notice(
            "skipped: the HTML page in a browser (no chromium found; CI installs it, CHRONIK_CI=1 makes it mandatory)",
        );
    }
    found
}

fn which(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Runs headless Chromium on `url` with `args`; its standard output. Fails after 120 s.
fn run_chromium(browser: &Path, profile: &Path, args: &[&str], url: &str) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--hide-scrollbars",
            "--window-size=1400,900",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).ok();
        text
    });
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed on {url}: {status}");
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

/// The `data-id` of every drawn mark (`<rect class="mark ..." data-id="...">`).
fn marks(dom: &str) -> Vec<String> {
    dom.split("<rect ")
        .skip(1)
        .filter_map(|rest| {
            let tag = &rest[..rest.find('>')?];
            if !tag.contains("class=\"mark") {
                return None;
            }
            let at = tag.find("data-id=\"")? + "data-id=\"".len();
            Some(tag[at..at + tag[at..].find('"')?].to_string())
        })
        .collect()
}

/// The text of an HTML fragment: tags dropped, the entities the DOM writes decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn the_page_draws_every_dated_meeting_and_a_click_shows_the_evidence() {
    let Some(browser) = chromium() else { return };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html_browser");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("dpa-page.html");
    std::fs::write(
        &page,
        chronik(&["extract", "--format", "html", "examples/dpa-page.txt"]),
    )
    .unwrap();
    let timeline: serde_json::Value =
        serde_json::from_str(&chronik(&["extract", "examples/dpa-page.txt"])).unwrap();
    let events = timeline["events"].as_array().unwrap();
    let dated: Vec<&serde_json::Value> = events.iter().filter(|e| e["date"].is_string()).collect();
    // the Nato-Russland-Rat: its participants come from more than one sentence
    let council = events
        .iter()
        .find(|e| {
            e["participants"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["name"] == "Nato-Russland-Rat")
        })
        .expect("the page reports the Nato-Russland-Rat");
    let id = council["id"].as_str().unwrap();
    let profile = dir.join("profile");
    let url = format!("file://{}", page.display());

    // drawn: one mark per dated meeting in the lanes by kind
    let dom = run_chromium(
        &browser,
        &profile,
        &["--dump-dom"],
        &format!("{url}#select={id}"),
    );
    let mut drawn = marks(&dom);
    drawn.sort();
    let mut expected: Vec<String> = dated
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    expected.sort();
    assert_eq!(drawn, expected, "one mark per dated meeting");
    assert!(
        dom.contains("class=\"mark selected\""),
        "the clicked mark is selected"
    );

    // clicked: the details show participants, place, history and every evidence sentence
    let start = dom
        .find("<aside id=\"details\"")
        .expect("the details panel");
    let details = &dom[start..start + dom[start..].find("</aside>").unwrap()];
    assert!(
        details.contains(&format!("data-event=\"{id}\"")),
        "{details}"
    );
    let shown = text_of(details);
    for source in council["sources"].as_array().unwrap() {
        let sentence = source["evidence"]["text"].as_str().unwrap();
        assert!(shown.contains(sentence), "evidence {sentence:?} in {shown}");
        for support in source["support"].as_array().into_iter().flatten() {
            let sentence = support["text"].as_str().unwrap();
            assert!(
                shown.contains(sentence),
                "supporting {sentence:?} in {shown}"
            );
        }
    }
    for p in council["participants"].as_array().unwrap() {
        assert!(
            shown.contains(p["name"].as_str().unwrap()),
            "{p} in {shown}"
        );
    }
    assert!(
        shown.contains("Statusverlauf") && shown.contains("geplant"),
        "{shown}"
    );
    assert!(
        details.contains("<mark>"),
        "the trigger is marked: {details}"
    );

    // filtered: only Russland's meetings when the actor filter says so
    let dom = run_chromium(
        &browser,
        &profile,
        &["--dump-dom"],
        &format!("{url}#actor=russland"),
    );
    let russian = dated
        .iter()
        .filter(|e| {
            e["participants"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["id"] == "russland")
        })
        .count();
    assert_eq!(marks(&dom).len(), russian, "the actor filter");
    assert!(russian < dated.len(), "the filter leaves something out");

    // zoomed: only the meetings from 11 to 31 January 2022, in the lanes per actor
    let dom = run_chromium(
        &browser,
        &profile,
        &["--dump-dom"],
        &format!("{url}#from=2022-01-11&to=2022-01-31&lanes=actor"),
    );
    let later: Vec<&serde_json::Value> = dated
        .iter()
        .copied()
        .filter(|e| e["date"].as_str().unwrap() >= "2022-01-11")
        .collect();
    let appearances: usize = later
        .iter()
        .map(|e| e["participants"].as_array().unwrap().len())
        .sum();
    assert!(later.len() < dated.len(), "the zoom leaves something out");
    assert_eq!(
        marks(&dom).len(),
        appearances,
        "one mark per participant's lane"
    );

    // seen: a screenshot of the page with the council clicked
    let shot = dir.join("dpa-page.png");
    let _ = std::fs::remove_file(&shot);
    run_chromium(
        &browser,
        &profile,
        &[&format!("--screenshot={}", shot.display())],
        &format!("{url}#select={id}"),
    );
    let png = std::fs::read(&shot).expect("chromium wrote the screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a real screenshot"
    );
    eprintln!("screenshot: {}", shot.display());
}

/// A notice on the terminal even when the test harness captures output (it captures only the
/// print macros).
fn notice(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{text}");
}
