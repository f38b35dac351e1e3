fn main() {
    #[cfg(target_arch = "wasm32")]
    x1060_assess::start();
}
