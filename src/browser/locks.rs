//! The Web Locks API (`navigator.locks`): one lock shared by every tab of this
//! origin, so their storage steps never interleave.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::window;

/// The name of the lock every storage step of every tab takes.
const STORAGE_LOCK: &str = "x1060-storage";

/// How long a step keeps the lock after it ran. Browsers show one tab's
/// localStorage writes to the other tabs a moment later; a tab that took the lock
/// the instant it was released could still read what was there before, and write
/// over it. Waiting lets the writes arrive first, so a stale read, which the write
/// queue would then repair (src/storage/queue.rs), is rare.
const SETTLE_MS: i32 = 8;

/// A step run once, by the lock's callback or, failing that, at once.
type SharedStep = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// Runs `step` while holding the storage lock (after any other tab's step that holds
/// it). Where the browser has no Web Locks API (an insecure context), `step` runs at
/// once: each step is still checked against the stored revision.
pub fn with_storage_lock(step: impl FnOnce() + 'static) {
    let locks = window()
        .ok()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("locks")).ok())
        .filter(|l| !l.is_undefined() && !l.is_null());
    let request = locks
        .as_ref()
        .and_then(|l| js_sys::Reflect::get(l, &JsValue::from_str("request")).ok()?.dyn_into::<js_sys::Function>().ok());
    let (Some(locks), Some(request)) = (locks, request) else {
        step();
        return;
    };
    let step: SharedStep = Rc::new(RefCell::new(Some(Box::new(step))));
    let in_lock = step.clone();
    // The lock is held while the callback runs and until the promise it returns settles.
    let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        if let Some(step) = in_lock.borrow_mut().take() {
            step();
        }
        settle_promise()
    });
    if request.call2(&locks, &JsValue::from_str(STORAGE_LOCK), &callback).is_err() {
        // The browser refused the request: run the step anyway (the revision check
        // still guards it) rather than lose it.
        if let Some(step) = step.borrow_mut().take() {
            step();
        }
    }
}

/// A promise fulfilled after [`SETTLE_MS`] (at once where timers are unavailable).
fn settle_promise() -> JsValue {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let set = window().ok().map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, SETTLE_MS));
        if !matches!(set, Some(Ok(_))) {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    promise.into()
}

/// Calls `f` when the page is hidden or left (tab switched, closed, reloaded): the
/// moment to write anything not yet stored, synchronously.
pub fn on_page_hidden(f: impl Fn() + 'static) {
    use leptos::prelude::*;
    let f = std::rc::Rc::new(f);
    let g = f.clone();
    let hide = window_event_listener(leptos::ev::pagehide, move |_| g());
    let vis = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let hidden = super::window().ok().and_then(|w| w.document()).is_some_and(|d| d.hidden());
        if hidden {
            f();
        }
    });
    on_cleanup(move || {
        hide.remove();
        vis.remove();
    });
}
