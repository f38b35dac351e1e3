//! Adding hand-ins with the camera: a live preview, a few frames a second read in the
//! page (`crate::scan`, whose code is fetched only when the camera starts: the `camera`
//! split point below), each new hand-in acknowledged with a green frame and a line
//! that screen readers announce. A camera refused or missing is said plainly; pasting
//! still works.

use std::time::Duration;

use leptos::prelude::*;

use crate::browser::{self, Camera, CameraError};
use crate::model::room::Added;
use crate::split::{deferred_fn, LoadFailed};
use crate::state::{use_app, RoomState};

/// How often a frame is read.
const EVERY: Duration = Duration::from_millis(250);
/// How long the acknowledgement shows.
const ACK_FOR: Duration = Duration::from_millis(1500);

deferred_fn!(camera: fn read_frame(width: u32, height: u32, rgba: Vec<u8>) -> Vec<String> {
    crate::scan::read_rgba(width as usize, height as usize, &rgba)
});

/// Where the camera is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Phase {
    Off,
    Starting,
    On,
    Failed(CameraError),
    /// The reading code did not arrive.
    NotLoaded,
}

/// What the line under the preview says.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Seen {
    Added(usize),
    Updated(usize),
    Refused(String),
}

#[component]
pub fn CameraScan() -> impl IntoView {
    let app = use_app();
    let room = expect_context::<RoomState>();
    let video = NodeRef::<leptos::html::Video>::new();
    let phase = RwSignal::new(Phase::Off);
    let camera = StoredValue::new_local(None::<Camera>);
    let ticker = StoredValue::new(None::<IntervalHandle>);
    let busy = StoredValue::new(false);
    let seen = RwSignal::new(None::<Seen>);
    // Each acknowledgement has a number, so an older one's timer does not end a newer one.
    let flash = RwSignal::new(0u32);
    let flashing = RwSignal::new(false);

    let stop = move || {
        if let Some(Some(handle)) = ticker.try_update_value(Option::take) {
            handle.clear();
        }
        if let Some(Some(cam)) = camera.try_update_value(Option::take) {
            cam.stop();
        }
    };
    let acknowledge = move |text: String| match room.add_scanned(&text) {
        Ok(added @ (Added::New | Added::Replaced)) => {
            let n = room.count();
            seen.set(Some(if added == Added::New { Seen::Added(n) } else { Seen::Updated(n) }));
            let number = flash.get_untracked().wrapping_add(1);
            flash.set(number);
            flashing.set(true);
            set_timeout(
                move || {
                    if flash.try_get_untracked() == Some(number) {
                        flashing.set(false);
                    }
                },
                ACK_FOR,
            );
        }
        // The same hand-in seen again, frame after frame: nothing to say.
        Ok(_) => {}
        Err(why) => seen.set(Some(Seen::Refused(why.message(app.lang())))),
    };
    let tick = move || {
        if busy.try_get_value() != Some(false) {
            return;
        }
        let Some(v) = video.get_untracked() else { return };
        let Some(Some((w, h, rgba))) =
            camera.try_with_value(|c| c.as_ref().and_then(|c| c.frame(&v, crate::scan::MAX_SIDE as u32)))
        else {
            return;
        };
        busy.set_value(true);
        leptos::task::spawn_local(async move {
            let read = read_frame(w, h, rgba).await;
            // The view was left meanwhile: its signals are gone, and so is the camera.
            if busy.try_get_value().is_none() {
                return;
            }
            match read {
                Ok(texts) => texts.into_iter().for_each(acknowledge),
                Err(LoadFailed) => {
                    stop();
                    phase.set(Phase::NotLoaded);
                }
            }
            busy.set_value(false);
        });
    };
    let start = move || {
        let Some(v) = video.get_untracked() else { return };
        phase.set(Phase::Starting);
        seen.set(None);
        leptos::task::spawn_local(async move {
            match browser::start_camera(&v).await {
                // The view was left while the camera started: turn it off again.
                Ok(cam) if phase.try_get_untracked() != Some(Phase::Starting) => cam.stop(),
                Ok(cam) => {
                    camera.set_value(Some(cam));
                    ticker.set_value(set_interval_with_handle(tick, EVERY).ok());
                    phase.set(Phase::On);
                }
                Err(e) => {
                    let _ = phase.try_set(Phase::Failed(e));
                }
            }
        });
    };
    // The view is left: the camera goes off. No signal is set here: what reads it is
    // going too (a camera still starting sees its phase gone and stops itself).
    on_cleanup(stop);
    let toggle = move |_| match phase.get_untracked() {
        Phase::On | Phase::Starting => {
            stop();
            phase.set(Phase::Off);
        }
        _ => start(),
    };
    let on = move || matches!(phase.get(), Phase::On | Phase::Starting);
    let problem = move || {
        let t = &app.t().room;
        let text = match phase.get() {
            Phase::Failed(CameraError::Denied) => t.camera_denied.to_owned(),
            Phase::Failed(CameraError::NoCamera) => t.camera_none.to_owned(),
            Phase::Failed(CameraError::Unsupported) => t.camera_unsupported.to_owned(),
            Phase::Failed(CameraError::Other(why)) => (t.camera_failed)(&why),
            Phase::NotLoaded => t.camera_load_failed.to_owned(),
            _ => return None,
        };
        Some(view! {
            <p class="alert" role="alert" data-testid="room-camera-error">
                {text}
            </p>
        })
    };
    let said = move || {
        let t = &app.t().room;
        seen.get().map(|s| match s {
            Seen::Added(n) => (t.camera_added)(n),
            Seen::Updated(n) => (t.camera_updated)(n),
            Seen::Refused(why) => (t.camera_refused)(&why),
        })
    };
    view! {
        <section class="room-camera card" aria-labelledby="room-camera-heading">
            <h3 id="room-camera-heading">{app.text(|t| t.room.camera_heading)}</h3>
            <p class="hint">{app.text(|t| t.room.camera_explain)}</p>
            <button type="button" data-testid="room-camera" aria-pressed=move || on().to_string() on:click=toggle>
                {move || if on() { app.t().room.camera_stop } else { app.t().room.camera_start }}
            </button>
            {problem}
            <div class="camera-frame" class:ack=move || flashing.get() hidden=move || !on()>
                <video
                    node_ref=video
                    data-testid="room-camera-preview"
                    aria-label=app.text(|t| t.room.camera_preview)
                    autoplay=true
                    muted=true
                    playsinline=true
                ></video>
            </div>
            <p class="status" role="status" data-testid="room-camera-seen">
                {said}
            </p>
        </section>
    }
}
