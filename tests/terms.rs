//! The interface texts and the two samples speak the catalogue's language: the
//! category and service names, the recommendation levels, 内製/外部委託 and
//! アセスメント/評価 as X.1060, JT-X1060 and the catalogue (`x1060-2021.json`) word
//! them. Every text table is read as source (the `src/i18n` modules are built for
//! the web only), so a slip names its file, its line and the term to use instead.

mod common;

use x1060_assess::model::{CatalogueDef, Lang};

/// A file read for its texts: its path in the repository and its content.
struct Source {
    path: &'static str,
    text: &'static str,
}

/// Every text table of the interface.
const TEXTS: [Source; 4] = [
    Source { path: "src/i18n/en.rs", text: include_str!("../src/i18n/en.rs") },
    Source { path: "src/i18n/ja.rs", text: include_str!("../src/i18n/ja.rs") },
    Source { path: "src/i18n/workshop.rs", text: include_str!("../src/i18n/workshop.rs") },
    Source { path: "src/i18n/mod.rs", text: include_str!("../src/i18n/mod.rs") },
];

/// The samples Home opens: they teach the framework by example.
const SAMPLES: [Source; 2] = [
    Source { path: "docs/sample-assessment.json", text: include_str!("../docs/sample-assessment.json") },
    Source { path: "docs/sample-assessment.ja.json", text: include_str!("../docs/sample-assessment.ja.json") },
];

/// The catalogue's reference data: the source of the preferred terms.
const CATALOGUE_JSON: &str = include_str!("../src/model/catalogue/x1060-2021.json");

/// Where a preferred term comes from; [`every_preferred_term_is_found_where_it_comes_from`]
/// checks that it is found there.
#[derive(Clone, Copy, Debug)]
enum Origin {
    /// The catalogue's names, levels, score criteria or process texts.
    Catalogue,
    /// The main views' Japanese (`src/i18n/ja.rs`), which the other tables follow.
    MainViews,
}

/// A word that is not the catalogue's, and the one to use instead.
struct Rule {
    /// Found in a text: a slip (ASCII compared case-insensitively).
    wrong: &'static str,
    /// The term to use instead.
    right: &'static str,
    /// Where `right` comes from.
    from: Origin,
    /// Occurrences of `wrong` inside one of these phrases are fine.
    allowed_in: Vec<String>,
    /// Said after the preferred term, when it needs a reason.
    why: &'static str,
}

fn rule(wrong: &'static str, right: &'static str, from: Origin, allowed_in: &[&str]) -> Rule {
    Rule { wrong, right, from, allowed_in: allowed_in.iter().map(|s| (*s).to_owned()).collect(), why: "" }
}

/// Every name in the catalogue (categories and services, both languages) that
/// contains `word`.
fn catalogue_names_with(word: &str) -> Vec<String> {
    let c = CatalogueDef::latest();
    let names = c.categories.iter().flat_map(|cat| {
        std::iter::once(cat.name).chain(cat.services.iter().map(|s| s.name)).flat_map(|n| [n.ja, n.en])
    });
    names.filter(|n| n.contains(word)).map(str::to_owned).collect()
}

/// The names of the samples' own services: a service's own name may say 評価 as the
/// catalogue's 高度サイバー攻撃耐性評価 does.
fn sample_custom_names() -> Vec<String> {
    SAMPLES
        .iter()
        .flat_map(|s| common::read_ok(s.text).custom_services)
        .flat_map(|c| [c.name.get(Lang::Ja).to_owned(), c.name.get(Lang::En).to_owned()])
        .collect()
}

/// The forbidden → preferred pairs.
fn rules() -> Vec<Rule> {
    use Origin::{Catalogue, MainViews};
    // 評価 is the evaluation process (X.1060 clause 11), its view and its three
    // parts; the assessment is アセスメント, and a score is given (スコアを付ける).
    let mut evaluation = catalogue_names_with("評価");
    evaluation.extend(sample_custom_names());
    evaluation.extend(
        ["\"評価\"", "評価プロセス", "カタログの評価", "プロファイルの評価", "ポートフォリオの評価", "評価者"]
            .map(str::to_owned),
    );
    vec![
        // Category names (B, C, F, H).
        rule("リアルタイム分析", "即時分析", Catalogue, &[]),
        rule("脅威インテリジェンス", "脅威情報", Catalogue, &[]),
        rule("深掘", "深堀分析", Catalogue, &[]),
        rule("内部脅威対応", "内部不正対応支援", Catalogue, &[]),
        rule("insider threat", "internal fraud", Catalogue, &[]),
        // Service names (B-1, D-3, E-3).
        rule("real-time monitoring", "real time asset monitoring", Catalogue, &[]),
        rule("triage", "classification", Catalogue, &["triage criteria"]),
        rule("vulnerability and patch", "vulnerability assessment", Catalogue, &[]),
        // Recommendation levels.
        rule("アドバンスト", "アドバンスド", Catalogue, &[]),
        rule("オプショナル", "オプション", Catalogue, &[]),
        rule("レベル", "推奨レベル", Catalogue, &["推奨レベル"]),
        // In-house and outsourced.
        rule("インソース", "内製", Catalogue, &["内製（インソース）"]),
        rule("アウトソース", "外部委託", Catalogue, &["外部委託（アウトソース）"]),
        rule("ソーシング", "実施形態", MainViews, &[]),
        rule("外注", "外部委託", Catalogue, &[]),
        // The assessment and the evaluation.
        Rule {
            wrong: "評価",
            right: "アセスメント",
            from: Catalogue,
            allowed_in: evaluation,
            why: " (or スコアを付ける for scoring: 評価 is the evaluation process, X.1060 clause 11)",
        },
        // The main views' words.
        rule("アクティブ", "選択中", MainViews, &[]),
        rule("現状", "現在", MainViews, &[]),
        rule("カテゴリ", "カテゴリー", MainViews, &["カテゴリー"]),
    ]
}

/// The string literals of one line, quotes included (so `"評価"` is a whole text);
/// nothing of a comment line.
fn literals(line: &str) -> Vec<&str> {
    if line.trim_start().starts_with("//") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match (start, c) {
            (Some(_), _) if escaped => escaped = false,
            (Some(_), '\\') => escaped = true,
            (Some(s), '"') => {
                out.push(&line[s..=i]);
                start = None;
            }
            (None, '"') => start = Some(i),
            _ => {}
        }
    }
    out
}

/// Whether the occurrence of `wrong` at byte `at` of `text` lies inside one of
/// `allowed` (all already lower-cased as `text` is).
fn inside_allowed(text: &str, at: usize, wrong: &str, allowed: &[String]) -> bool {
    allowed.iter().any(|phrase| {
        phrase.match_indices(wrong).any(|(offset, _)| {
            at.checked_sub(offset)
                .is_some_and(|begin| text.get(begin..).is_some_and(|t| t.starts_with(phrase.as_str())))
        })
    })
}

/// Every slip in `source`: "path:line: …".
fn slips(source: &Source, rules: &[Rule]) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in source.text.lines().enumerate() {
        for literal in literals(line) {
            let text = literal.to_ascii_lowercase();
            for r in rules {
                let wrong = r.wrong.to_ascii_lowercase();
                let allowed: Vec<String> = r.allowed_in.iter().map(|a| a.to_ascii_lowercase()).collect();
                if text.match_indices(&wrong).any(|(at, _)| !inside_allowed(&text, at, &wrong, &allowed)) {
                    out.push(format!(
                        "{}:{}: “{}” is not the catalogue's term: write “{}” instead{}, in {literal}",
                        source.path,
                        n + 1,
                        r.wrong,
                        r.right,
                        r.why
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn the_texts_use_the_catalogues_terms() {
    let rules = rules();
    let found: Vec<String> = TEXTS.iter().flat_map(|s| slips(s, &rules)).collect();
    assert!(found.is_empty(), "{} slip(s):\n{}", found.len(), found.join("\n"));
}

#[test]
fn the_samples_use_the_catalogues_terms() {
    let rules = rules();
    let found: Vec<String> = SAMPLES.iter().flat_map(|s| slips(s, &rules)).collect();
    assert!(found.is_empty(), "{} slip(s):\n{}", found.len(), found.join("\n"));
}

/// The pairs are derived from the catalogue (or from the main views): a preferred
/// term that is not found there is a mistake in this table.
#[test]
fn every_preferred_term_is_found_where_it_comes_from() {
    let ja = TEXTS[1].text;
    for r in rules() {
        let (name, text) = match r.from {
            Origin::Catalogue => ("the catalogue", CATALOGUE_JSON),
            Origin::MainViews => ("src/i18n/ja.rs", ja),
        };
        assert!(
            text.to_lowercase().contains(&r.right.to_lowercase()),
            "“{}” (instead of “{}”) is not in {name}",
            r.right,
            r.wrong
        );
    }
}

/// The checker itself: a slip is found with its line, an allowed phrase is not.
#[test]
fn the_checker_finds_a_slip_and_passes_an_allowed_phrase() {
    let source = Source {
        path: "x.rs",
        text: "// 評価 in a comment\n    a: \"アクティブな評価\",\n    b: \"評価プロセス\", c: \"診断と評価\",\n    d: \"Triage criteria management\", e: \"triage\",\n",
    };
    let found = slips(&source, &rules());
    assert_eq!(
        found,
        [
            "x.rs:2: “評価” is not the catalogue's term: write “アセスメント” instead (or スコアを付ける for scoring: \
             評価 is the evaluation process, X.1060 clause 11), in \"アクティブな評価\"",
            "x.rs:2: “アクティブ” is not the catalogue's term: write “選択中” instead, in \"アクティブな評価\"",
            "x.rs:4: “triage” is not the catalogue's term: write “classification” instead, in \"triage\"",
        ]
    );
}

/// The line of `source` holding `key: [`, and its string literals without quotes.
fn array_of(source: &Source, key: &str) -> (usize, Vec<String>) {
    let (n, line) =
        source.text.lines().enumerate().find(|(_, l)| l.trim_start().starts_with(&format!("{key}: ["))).expect(key);
    (n + 1, literals(line).into_iter().map(|l| l[1..l.len() - 1].to_owned()).collect())
}

/// The quick check's category texts end with examples: each is the name of a
/// service of that category, as the catalogue writes it.
#[test]
fn the_quick_checks_examples_are_the_catalogues_service_names() {
    let c = CatalogueDef::latest();
    let mut found = Vec::new();
    for (source, lang, marker, separator, end) in
        [(&TEXTS[0], Lang::En, "For example: ", ", ", "."), (&TEXTS[1], Lang::Ja, "例：", "、", "。")]
    {
        let (line, about) = array_of(source, "about");
        assert_eq!(about.len(), c.categories.len(), "{}:{line}: one text per category", source.path);
        for (text, category) in about.iter().zip(c.categories) {
            let (_, examples) = text.split_once(marker).unwrap_or_else(|| panic!("{}:{line}: {text}", source.path));
            let names: Vec<&str> = category.services.iter().map(|s| s.name.get(lang)).collect();
            for example in examples.trim_end_matches(end).split(separator) {
                if !names.iter().any(|n| n.eq_ignore_ascii_case(example)) {
                    found.push(format!(
                        "{}:{line}: “{example}” is not a service of category {}: write one of {names:?}",
                        source.path, category.id
                    ));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Numbers of categories and services the texts state are the catalogue's.
#[test]
fn the_texts_count_the_catalogues_categories_and_services() {
    let c = CatalogueDef::latest();
    let categories = c.categories.len().to_string();
    let services = c.service_count().to_string();
    let counted = [
        (" services", &services),
        (" サービス", &services),
        (" categories", &categories),
        (" カテゴリー", &categories),
        (" つのカテゴリー", &categories),
    ];
    let mut found = Vec::new();
    for source in &TEXTS {
        for (n, line) in source.text.lines().enumerate() {
            for literal in literals(line) {
                let text = literal.replace("nine categories", "9 categories");
                for (unit, want) in counted {
                    for (at, _) in text.match_indices(unit) {
                        let digits: String = text[..at].chars().rev().take_while(char::is_ascii_digit).collect();
                        let number: String = digits.chars().rev().collect();
                        if !number.is_empty() && number != *want {
                            found.push(format!("{}:{}: {number}{unit}, the catalogue has {want}", source.path, n + 1));
                        }
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The text of `key: "…"` in `source` (on one line), without its quotes, and its line.
fn text_of(source: &Source, key: &str) -> (usize, String) {
    let (n, line) =
        source.text.lines().enumerate().find(|(_, l)| l.trim_start().starts_with(&format!("{key}: \""))).expect(key);
    let literal = literals(line)[0];
    (n + 1, literal[1..literal.len() - 1].to_owned())
}

/// Home's first-visit text: a CDC as X.1060 defines it (the entity providing the
/// security services that manage the cybersecurity risks of business activities,
/// audit and certification included, built from the teams an organisation has), and
/// the evaluation process as the review of the three build phases (11.2 to 11.4).
#[test]
fn the_home_intro_says_what_x1060_says() {
    let cases = [
        (
            &TEXTS[0],
            ["risks of business activities", "audit", "certification", "not a new organisation"],
            "whole of",
            ["service catalogue", "service profile", "service portfolio"],
        ),
        (
            &TEXTS[1],
            ["事業活動", "監査", "認証", "新しい組織を作るのではなく"],
            "全体",
            ["サービスカタログ", "サービスプロファイル", "サービスポートフォリオ"],
        ),
    ];
    for (source, said, not_said, phases) in cases {
        let (line, what) = text_of(source, "intro_what");
        for word in said {
            assert!(what.contains(word), "{}:{line}: the CDC as X.1060 defines it says “{word}”", source.path);
        }
        assert!(!what.contains(not_said), "{}:{line}: a CDC is not “{not_said}” of security operations", source.path);
        let (line, cycle) = text_of(source, "intro_cycle");
        for phase in phases {
            assert!(cycle.contains(phase), "{}:{line}: the evaluation reviews the {phase}", source.path);
        }
        for mechanism in ["baseline", "基準時点"] {
            assert!(!cycle.contains(mechanism), "{}:{line}: the process, not the app's “{mechanism}”", source.path);
        }
    }
}

/// The quick check's handout: X.1060 goes by recommendation level, so the largest
/// gaps among the basic services come first, not the largest gaps.
#[test]
fn the_handout_starts_with_the_basic_services() {
    let basic = CatalogueDef::latest().level(x1060_assess::model::Level::Basic).expect("basic").name;
    for (source, lang, gap, level) in
        [(&TEXTS[0], Lang::En, "gap", "recommendation level"), (&TEXTS[1], Lang::Ja, "差", "推奨レベル")]
    {
        let (line, steps) = array_of(source, "handout_steps");
        let step = steps.iter().find(|s| s.contains(gap)).expect("a step about the gaps");
        let basic = basic.get(lang).to_lowercase();
        assert!(
            step.contains(level) && step.to_lowercase().contains(&basic),
            "{}:{line}: the gaps to start with are those of the {basic} services, by {level}: {step}",
            source.path
        );
    }
}
