//! The Web Locks API (`navigator.locks`): one lock shared by every tab of this
//! origin, so their storage steps never interleave.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::window;

/// The name of the lock every storage step of every tab takes.
const STORAGE_LOCK: &str = "x1060-storage";

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
    // The lock is held while the callback runs and released when it returns. (Not
    // held longer: a hidden tab's timers are throttled to a second or a minute, and a
    // step of one tab must never hold up the others. Another tab's copy of storage may
    // still lag; the write queue repairs what that costs, src/storage/queue.rs.)
    let callback = Closure::once_into_js(move |_lock: JsValue| {
        if let Some(step) = in_lock.borrow_mut().take() {
            step();
        }
    });
    if request.call2(&locks, &JsValue::from_str(STORAGE_LOCK), &callback).is_err() {
        // The browser refused the request: run the step anyway (the revision check
        // still guards it) rather than lose it.
        if let Some(step) = step.borrow_mut().take() {
            step();
        }
    }
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
