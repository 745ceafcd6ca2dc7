//! The reader in a real pseudo-terminal (util-linux `script` provides it):
//! its output as it arrives, a small model of the screen it draws (so a
//! test can find a title that ratatui drew only in part, over another), and
//! the checks that quitting left the terminal as it was found: alternate
//! screen left, cursor shown, mouse reporting and raw mode off.
//!
//! Nothing here sleeps: every step waits for visible output, with a
//! generous bound so a loaded machine only makes it slower.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long one step may take before the test gives up.
pub const STEP: Duration = Duration::from_secs(60);

/// The terminal's size, set with `stty` before the reader starts.
const ROWS: usize = 30;
const COLS: usize = 100;

/// `byline` (the reader) running in a pseudo-terminal.
pub struct Pty {
    child: Child,
    keys: ChildStdin,
    pump: JoinHandle<()>,
    /// What the terminal has shown.
    pub screen: Screen,
}

impl Pty {
    /// Starts the reader on `config` and `data` in a 100x30 terminal, with
    /// `$HOME` (and the working folder) in the config's folder and no proxy.
    pub fn reader(config: &Path, data: &Path) -> Pty {
        Pty::reader_with(config, data, &[])
    }

    /// Starts the reader as `reader` does, with these environment variables
    /// set as well.
    pub fn reader_with(config: &Path, data: &Path, vars: &[(&str, &Path)]) -> Pty {
        let line = format!(
            "stty rows {ROWS} cols {COLS}; '{}' --config '{}' --data-dir '{}'; echo; echo EXIT=$?; stty -a",
            env!("CARGO_BIN_EXE_byline"),
            config.display(),
            data.display()
        );
        let home = config.parent().expect("the config is in a folder");
        let mut child = Command::new("script")
            .args(["-q", "-e", "-f", "-c", &line, "/dev/null"])
            .envs(vars.iter().copied())
            .current_dir(home)
            .env("TERM", "xterm-256color")
            .env("HOME", home)
            .env("NO_PROXY", "*")
            .env_remove("NO_COLOR")
            .env_remove("HTTP_PROXY")
            .env_remove("http_proxy")
            .env_remove("BYLINE_CONFIG")
            .env_remove("BYLINE_DATA_DIR")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("util-linux `script` runs the reader in a pseudo-terminal");
        let keys = child.stdin.take().expect("piped stdin");
        let mut output = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        let pump = std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = output.read(&mut chunk) {
                if n == 0 || tx.send(chunk[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let screen = Screen {
            rx,
            seen: Vec::new(),
            grid: Grid::new(),
            forbidden: Vec::new(),
            ended: false,
        };
        Pty {
            child,
            keys,
            pump,
            screen,
        }
    }

    /// Types `keys`.
    pub fn press(&mut self, keys: &[u8]) {
        self.keys.write_all(keys).expect("the pty takes keys");
        self.keys.flush().expect("the pty takes keys");
    }

    /// Presses q, waits for the reader and the shell to end, and checks
    /// that the reader exited 0 and restored the terminal; `mark` is a
    /// byte offset of the output from before the q. Returns every byte the
    /// terminal received.
    pub fn quit_and_check_restored(mut self, mark: usize) -> Vec<u8> {
        // Quitting leaves the alternate screen; the model no longer applies.
        self.screen.forbidden.clear();
        self.press(b"q");
        let end = self.screen.wait_for("EXIT=", mark);
        self.screen.wait_for_end();
        drop(self.keys);
        self.child.wait().expect("the shell ends");
        self.pump.join().expect("the pump ends");

        let seen = &self.screen.seen;
        let tail = &seen[mark..end];
        assert!(
            find(tail, b"\x1b[?1049l").is_some(),
            "the alternate screen was left"
        );
        assert!(find(tail, b"\x1b[?25h").is_some(), "the cursor is shown");
        assert!(
            find(tail, b"\x1b[?1000l").is_some(),
            "mouse reporting is off"
        );
        let after = String::from_utf8_lossy(&seen[end..]).into_owned();
        assert!(after.starts_with('0'), "the reader exited 0: {after}");
        let modes: Vec<&str> = after.split_whitespace().collect();
        for mode in ["icanon", "echo", "isig"] {
            assert!(
                modes.contains(&mode),
                "raw mode is off ({mode} is set again): {after}"
            );
        }
        self.screen.seen
    }
}

/// The terminal's output so far, fed by a thread reading the pty.
pub struct Screen {
    rx: mpsc::Receiver<Vec<u8>>,
    /// Every byte the terminal received.
    pub seen: Vec<u8>,
    grid: Grid,
    forbidden: Vec<String>,
    ended: bool,
}

impl Screen {
    /// Waits until `needle` appears in the output after byte `from`;
    /// returns where it ends.
    pub fn wait_for(&mut self, needle: &str, from: usize) -> usize {
        let deadline = Instant::now() + STEP;
        loop {
            if let Some(at) = find(&self.seen[from.min(self.seen.len())..], needle.as_bytes()) {
                return from + at + needle.len();
            }
            self.next_chunk(deadline, needle);
        }
    }

    /// Waits until a row of the screen shows `needle`, however the reader
    /// drew it; returns how many bytes the terminal had received by then.
    pub fn wait_for_text(&mut self, needle: &str) -> usize {
        let deadline = Instant::now() + STEP;
        while !self.grid.rows().any(|row| row.contains(needle)) {
            self.next_chunk(deadline, needle);
        }
        self.seen.len()
    }

    /// Fails the test as soon as the screen shows any of `words` (in any
    /// case), until the reader quits.
    pub fn forbid(&mut self, words: &[&str]) {
        self.forbidden = words.iter().map(|w| w.to_lowercase()).collect();
        self.check_forbidden();
    }

    /// Returns the screen as text, one line a row.
    pub fn text(&self) -> String {
        self.grid.rows().collect::<Vec<_>>().join("\n")
    }

    fn next_chunk(&mut self, deadline: Instant, waiting_for: &str) {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(left) {
            Ok(chunk) => {
                self.grid.feed(&chunk);
                self.seen.extend(chunk);
                self.check_forbidden();
            }
            Err(_) => panic!(
                "{waiting_for:?} never appeared; the screen showed:\n{}\nafter the output:\n{}",
                self.text(),
                String::from_utf8_lossy(&self.seen)
            ),
        }
    }

    fn check_forbidden(&self) {
        for row in self.grid.rows() {
            let row = row.to_lowercase();
            if let Some(word) = self.forbidden.iter().find(|w| row.contains(w.as_str())) {
                panic!("the screen showed {word:?}:\n{}", self.text());
            }
        }
    }

    /// Waits until the program (and the shell around it) has ended.
    fn wait_for_end(&mut self) {
        let deadline = Instant::now() + STEP;
        while !self.ended {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(chunk) => self.seen.extend(chunk),
                Err(mpsc::RecvTimeoutError::Disconnected) => self.ended = true,
                Err(mpsc::RecvTimeoutError::Timeout) => panic!("the reader did not quit"),
            }
        }
    }
}

/// Returns where `needle` first occurs in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The characters on the screen, from what the reader wrote: text, cursor
/// moves and clears. Colours, modes and hyperlinks are skipped; that is
/// all ratatui's crossterm backend sends.
struct Grid {
    cells: Vec<Vec<char>>,
    row: usize,
    col: usize,
    /// Bytes of an escape sequence or character not complete yet.
    partial: Vec<u8>,
}

impl Grid {
    fn new() -> Grid {
        Grid {
            cells: vec![vec![' '; COLS]; ROWS],
            row: 0,
            col: 0,
            partial: Vec::new(),
        }
    }

    fn rows(&self) -> impl Iterator<Item = String> + '_ {
        self.cells
            .iter()
            .map(|r| r.iter().collect::<String>().trim_end().to_owned())
    }

    fn feed(&mut self, bytes: &[u8]) {
        let mut input = std::mem::take(&mut self.partial);
        input.extend_from_slice(bytes);
        let mut at = 0;
        while at < input.len() {
            match self.step(&input[at..]) {
                Some(used) => at += used,
                None => break,
            }
        }
        self.partial = input.split_off(at);
    }

    /// Applies the token that `b` starts with; returns its length, or
    /// `None` when it is not complete yet.
    fn step(&mut self, b: &[u8]) -> Option<usize> {
        match b[0] {
            0x1b => match *b.get(1)? {
                b'[' => {
                    let end = 2 + b[2..].iter().position(|c| (0x40..=0x7e).contains(c))?;
                    self.csi(&String::from_utf8_lossy(&b[2..end]), b[end]);
                    Some(end + 1)
                }
                b']' => {
                    let rest = &b[2..];
                    let bel = rest.iter().position(|&c| c == 0x07).map(|i| i + 1);
                    let st = find(rest, b"\x1b\\").map(|i| i + 2);
                    Some(2 + bel.into_iter().chain(st).min()?)
                }
                b'(' | b')' => b.get(2).map(|_| 3),
                _ => Some(2),
            },
            b'\r' => {
                self.col = 0;
                Some(1)
            }
            b'\n' => {
                self.row = (self.row + 1).min(ROWS - 1);
                Some(1)
            }
            0x08 => {
                self.col = self.col.saturating_sub(1);
                Some(1)
            }
            c if c < 0x20 || c == 0x7f => Some(1),
            lead => {
                let len = match lead {
                    0xc0..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf7 => 4,
                    _ => 1,
                };
                let bytes = b.get(..len)?;
                let ch = std::str::from_utf8(bytes)
                    .ok()
                    .and_then(|s| s.chars().next())
                    .unwrap_or('?');
                if self.col < COLS {
                    self.cells[self.row][self.col] = ch;
                }
                self.col += 1;
                Some(len)
            }
        }
    }

    /// Applies a control sequence `ESC [ params final`.
    fn csi(&mut self, params: &str, final_byte: u8) {
        if params.starts_with(['?', '>', '<', '=']) {
            return; // modes: alternate screen, cursor, mouse
        }
        let nums: Vec<usize> = params.split(';').map(|p| p.parse().unwrap_or(0)).collect();
        let n = |i: usize| nums.get(i).copied().filter(|&v| v > 0).unwrap_or(1);
        match final_byte {
            b'H' | b'f' => {
                self.row = (n(0) - 1).min(ROWS - 1);
                self.col = (n(1) - 1).min(COLS - 1);
            }
            b'A' => self.row = self.row.saturating_sub(n(0)),
            b'B' => self.row = (self.row + n(0)).min(ROWS - 1),
            b'C' => self.col = (self.col + n(0)).min(COLS - 1),
            b'D' => self.col = self.col.saturating_sub(n(0)),
            b'G' => self.col = (n(0) - 1).min(COLS - 1),
            b'd' => self.row = (n(0) - 1).min(ROWS - 1),
            b'J' => match nums[0] {
                2 | 3 => self.cells = vec![vec![' '; COLS]; ROWS],
                0 => {
                    self.cells[self.row][self.col.min(COLS)..].fill(' ');
                    for row in &mut self.cells[self.row + 1..] {
                        row.fill(' ');
                    }
                }
                _ => {}
            },
            b'K' => match nums[0] {
                0 => self.cells[self.row][self.col.min(COLS)..].fill(' '),
                2 => self.cells[self.row].fill(' '),
                _ => {}
            },
            _ => {} // colours and the rest
        }
    }
}
