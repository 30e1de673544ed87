//! Background work on named threads: loading, saving, importing, analysing (itself on all
//! cores, its results streamed as they come). The UI thread only starts tasks and picks up
//! their results; it never waits on I/O or analysis.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::analysis::Analysis;
use crate::model::{Article, Project};
use crate::project::DiskStamp;

/// Progress of an import, shared with its thread.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    pub cancel: AtomicBool,
}

impl Progress {
    pub fn fraction(&self) -> f32 {
        let t = self.total.load(Ordering::Relaxed).max(1);
        self.done.load(Ordering::Relaxed) as f32 / t as f32
    }
}

/// What to do once a save has finished.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterSave {
    Nothing,
    Quit,
    Open(Option<PathBuf>),
    New,
}

/// A project read by a task.
pub struct LoadedProject {
    pub project: Project,
    /// What the file held, to notice a change on disk before saving over it.
    pub stamp: DiskStamp,
    /// Unsaved work found in the recovery file.
    pub recovered: Option<Project>,
    /// What the user should be told (a repaired file, a damaged recovery file).
    pub warnings: Vec<String>,
}

/// A finished task.
pub enum Done {
    Loaded {
        path: PathBuf,
        result: Result<LoadedProject, String>,
    },
    Saved {
        path: PathBuf,
        generation: u64,
        /// The stamp of what was written.
        result: Result<DiskStamp, String>,
        then: AfterSave,
    },
    RecoveryWritten,
    Imported {
        articles: Vec<Article>,
        errors: Vec<String>,
        files: usize,
        cancelled: bool,
    },
    /// The whole analysis of a generation; `complete` is false when it was cancelled.
    Analyzed {
        generation: u64,
        analysis: Arc<Analysis>,
        complete: bool,
    },
    /// Articles analysed afresh, streamed while the analysis of `generation` goes on (not the
    /// end of a task).
    AnalyzedPart {
        generation: u64,
        batch: crate::analysis::Batch,
    },
    MergeLoaded {
        path: PathBuf,
        result: Result<Project, String>,
    },
    Exported {
        path: PathBuf,
        result: Result<(), String>,
    },
    /// A folder read for the built-in file dialog (`serial` names the request).
    Listed {
        serial: u64,
        result: Result<crate::folder::Listing, crate::folder::FolderError>,
    },
    Compared {
        /// The `analysis_serial` the comparisons were computed from.
        analysis: u64,
        options: crate::compare::Options,
        comparisons: Arc<Vec<crate::compare::Comparison>>,
    },
    /// Which claims report one statement, for the claim table.
    Statements {
        /// The `analysis_serial` they were computed from.
        analysis: u64,
        statements: Arc<crate::compare::Statements>,
    },
}

/// Runs closures on threads and collects their results.
pub struct Tasks {
    tx: Sender<Done>,
    rx: Receiver<Done>,
    pending: usize,
    ctx: Option<egui::Context>,
    /// Progress of the running import, if any.
    pub import: Option<Arc<Progress>>,
    /// Generation of the analysis being computed, if any.
    pub analyzing: Option<u64>,
    /// Progress and cancellation of that analysis.
    pub analysis_control: Option<Arc<crate::analysis::Control>>,
    pub saving: bool,
}

impl Tasks {
    pub fn new() -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            pending: 0,
            ctx: None,
            import: None,
            analyzing: None,
            analysis_control: None,
            saving: false,
        }
    }

    /// The context to wake when a task finishes.
    pub fn set_context(&mut self, ctx: &egui::Context) {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
    }

    /// The context tasks wake, once the first frame set it.
    pub fn context(&self) -> Option<egui::Context> {
        self.ctx.clone()
    }

    pub fn busy(&self) -> bool {
        self.pending > 0
    }

    /// Run `f` on a named thread.
    pub fn spawn(&mut self, name: &str, f: impl FnOnce() -> Done + Send + 'static) {
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        self.pending += 1;
        let spawned = std::thread::Builder::new()
            .name(format!("crosscheck-{name}"))
            .spawn(move || {
                let done = f();
                let _ = tx.send(done);
                if let Some(c) = ctx {
                    c.request_repaint();
                }
            });
        if spawned.is_err() {
            self.pending -= 1;
        }
    }

    /// Run `f` on a named thread; `f` may send results before its last one (which ends the
    /// task) through the function it is given.
    pub fn spawn_streaming(
        &mut self,
        name: &str,
        f: impl FnOnce(&dyn Fn(Done)) -> Done + Send + 'static,
    ) {
        let tx = self.tx.clone();
        let ctx = self.ctx.clone();
        self.spawn(name, move || {
            let send = |d: Done| {
                let _ = tx.send(d);
                if let Some(c) = &ctx {
                    c.request_repaint();
                }
            };
            f(&send)
        });
    }

    /// Results that are ready, without waiting.
    pub fn poll(&mut self) -> Vec<Done> {
        let mut out = Vec::new();
        while let Ok(d) = self.rx.try_recv() {
            if d.ends_task() {
                self.pending = self.pending.saturating_sub(1);
            }
            out.push(d);
        }
        out
    }

    /// Wait for the next result (tests and shutdown only; never called from a frame).
    pub fn wait_one(&mut self) -> Option<Done> {
        if self.pending == 0 {
            return None;
        }
        let d = self.rx.recv().ok()?;
        if d.ends_task() {
            self.pending -= 1;
        }
        Some(d)
    }
}

impl Done {
    /// Whether this is a task's last result (streamed parts are not).
    fn ends_task(&self) -> bool {
        !matches!(self, Done::AnalyzedPart { .. })
    }
}

impl Default for Tasks {
    fn default() -> Self {
        Self::new()
    }
}
