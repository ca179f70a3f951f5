//! Text set aside on disk during a build. Every article's HTML and the
//! passages around its mentions are written to one unnamed temporary file
//! as the article is annotated, and read back by the files that show them,
//! so that a build's memory does not grow with the text of the whole
//! dossier: at 100,000 articles that text is about 1.4 GB, and the pages
//! that show it are made one at a time. `serve` keeps it in memory
//! instead, as it renders one page at a time of a dossier being written.
//!
//! Where each piece went is an offset, never part of the output, so that
//! the order in which threads write does not change a byte of the site.

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// The temporary file.
#[derive(Debug)]
pub(crate) struct Spill {
    file: File,
    /// Where the next piece goes.
    end: AtomicU64,
    /// The first read that failed: the file is ours and unnamed, so this
    /// is a failing disk, and the build fails with it rather than show an
    /// empty text.
    failed: Mutex<Option<io::Error>>,
}

/// Where one piece is in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Spilled {
    at: u64,
    len: usize,
}

impl Spilled {
    /// The `len` bytes from `start` of this piece, read alone.
    pub(crate) fn part(self, start: usize, len: usize) -> Spilled {
        Spilled {
            at: self.at + start as u64,
            len: len.min(self.len.saturating_sub(start)),
        }
    }
}

impl Spill {
    /// A new file in `folder`, removed by the system when it is closed,
    /// even if the build is killed.
    pub(crate) fn new_in(folder: &Path) -> io::Result<Self> {
        Ok(Self {
            file: tempfile::tempfile_in(folder)?,
            end: AtomicU64::new(0),
            failed: Mutex::new(None),
        })
    }

    /// Writes `bytes`; called from many threads at once.
    pub(crate) fn put(&self, bytes: &[u8]) -> io::Result<Spilled> {
        let len = bytes.len();
        let at = self.end.fetch_add(len as u64, Ordering::Relaxed);
        write_at(&self.file, bytes, at)?;
        Ok(Spilled { at, len })
    }

    /// The bytes of `piece`; empty when they cannot be read, which
    /// [`Spill::check`] then reports.
    pub(crate) fn get(&self, piece: Spilled) -> Vec<u8> {
        let mut bytes = vec![0; piece.len];
        match read_at(&self.file, &mut bytes, piece.at) {
            Ok(()) => bytes,
            Err(error) => {
                let mut failed = self
                    .failed
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                failed.get_or_insert(error);
                Vec::new()
            }
        }
    }

    /// Whether every read so far succeeded.
    pub(crate) fn check(&self) -> io::Result<()> {
        let mut failed = self
            .failed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        failed.take().map_or(Ok(()), Err)
    }
}

#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

#[cfg(unix)]
fn read_at(file: &File, bytes: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

#[cfg(windows)]
fn write_at(file: &File, mut bytes: &[u8], mut at: u64) -> io::Result<()> {
    while !bytes.is_empty() {
        let written = std::os::windows::fs::FileExt::seek_write(file, bytes, at)?;
        if written == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        bytes = &bytes[written..];
        at += written as u64;
    }
    Ok(())
}

#[cfg(windows)]
fn read_at(file: &File, mut bytes: &mut [u8], mut at: u64) -> io::Result<()> {
    while !bytes.is_empty() {
        let read = std::os::windows::fs::FileExt::seek_read(file, bytes, at)?;
        if read == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        bytes = &mut bytes[read..];
        at += read as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Spill;

    #[test]
    fn pieces_read_back_as_written_from_many_threads() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let spill = Spill::new_in(folder.path()).expect("a spill file");
        let texts: Vec<String> = (0..200)
            .map(|n| format!("texte n° {n} ").repeat(n))
            .collect();
        let pieces: Vec<_> = std::thread::scope(|scope| {
            let handles: Vec<_> = texts
                .iter()
                .map(|t| scope.spawn(|| spill.put(t.as_bytes()).expect("written")))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("no panic"))
                .collect()
        });
        for (text, piece) in texts.iter().zip(pieces) {
            assert_eq!(spill.get(piece), text.as_bytes());
        }
        assert!(spill.check().is_ok());
    }
}
