//! Runs the fuzz oracle over files or folders without libFuzzer, e.g. to check a
//! corpus quickly or to print what a structured input renders to:
//!   cargo run --release --example replay -- ../tests/fuzz-corpus
//!   cargo run --release --example replay -- --render artifacts/import_json_value/crash-…
//!   cargo run --release --example replay -- --show ../tests/fuzz-corpus   (one line per file)
use std::path::Path;

fn run(path: &Path, render: bool, show: bool, count: &mut usize) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path).expect("read dir").flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            run(&p, render, show, count);
        }
        return;
    }
    let bytes = std::fs::read(path).expect("read file");
    if render {
        let mut u = arbitrary::Unstructured::new(&bytes);
        let input: x1060_assess_fuzz::Input = u.arbitrary().expect("structured input");
        let rendered = x1060_assess_fuzz::render(&input);
        println!("{}", String::from_utf8_lossy(&rendered));
        x1060_assess_fuzz::check(&rendered);
    } else {
        x1060_assess_fuzz::check(&bytes);
    }
    if show {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        match x1060_assess::model::exchange::read(&bytes) {
            Ok(a) => println!("{name}: OK {:?}", a.name.chars().take(60).collect::<String>()),
            Err(e) => println!("{name}: {}", e.to_string().replace('\n', " | ").chars().take(300).collect::<String>()),
        }
    }
    *count += 1;
}

fn main() {
    let mut render = false;
    let mut show = false;
    let mut count = 0;
    for arg in std::env::args().skip(1) {
        if arg == "--render" {
            render = true;
        } else if arg == "--show" {
            show = true;
        } else {
            run(Path::new(&arg), render, show, &mut count);
        }
    }
    eprintln!("{count} inputs checked, no panic");
}
