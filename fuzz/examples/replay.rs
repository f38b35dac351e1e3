//! Runs the fuzz oracle over files or folders without libFuzzer:
//!   cargo run --release --example replay -- ../tests/fuzz-corpus            (check every file)
//!   cargo run --release --example replay -- --show ../tests/fuzz-corpus     (one line per file: OK or the message)
//! and turns `import_json_value` inputs (structured bytes) into the files they stand for:
//!   cargo run --release --example replay -- --render artifacts/import_json_value/crash-… > case.json
//!   cargo run --release --example replay -- --render-into rendered/ corpus/import_json_value
use std::io::Write as _;
use std::path::{Path, PathBuf};

use arbitrary::Arbitrary as _;

#[derive(Default)]
struct Opts {
    render: bool,
    render_into: Option<PathBuf>,
    show: bool,
    count: usize,
}

/// The file a structured input stands for, decoded exactly as `fuzz_target!` does.
fn rendered(bytes: &[u8]) -> Vec<u8> {
    let u = arbitrary::Unstructured::new(bytes);
    match x1060_assess_fuzz::Input::arbitrary_take_rest(u) {
        Ok(input) => x1060_assess_fuzz::render(&input),
        Err(_) => Vec::new(),
    }
}

fn run(path: &Path, opts: &mut Opts) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path).expect("read dir").flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            run(&p, opts);
        }
        return;
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut bytes = std::fs::read(path).expect("read file");
    if opts.render || opts.render_into.is_some() {
        bytes = rendered(&bytes);
    }
    if let Some(dir) = &opts.render_into {
        std::fs::write(dir.join(&name), &bytes).expect("write rendered file");
    } else if opts.render {
        std::io::stdout().write_all(&bytes).expect("stdout");
    }
    x1060_assess_fuzz::check(&bytes);
    if opts.show {
        match x1060_assess::model::exchange::read(&bytes) {
            Ok(a) => println!("{name}: OK {:?}", a.name.chars().take(60).collect::<String>()),
            Err(e) => println!("{name}: {}", e.to_string().replace('\n', " | ").chars().take(300).collect::<String>()),
        }
    }
    opts.count += 1;
}

fn main() {
    let mut opts = Opts::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--render" => opts.render = true,
            "--show" => opts.show = true,
            "--render-into" => {
                let dir = PathBuf::from(args.next().expect("--render-into DIR"));
                std::fs::create_dir_all(&dir).expect("create DIR");
                opts.render_into = Some(dir);
            }
            _ => run(Path::new(&arg), &mut opts),
        }
    }
    eprintln!("{} inputs checked, no panic", opts.count);
}
