//! Atomic in-place writes: the new text goes to a temporary file in the same
//! directory, takes the original's permissions, and replaces it by rename.
//! An interrupted or failed write leaves the original untouched and no
//! temporary file behind.
//!
//! A symbolic link is written through: its target gets the new text and the
//! link stays a link (as prettier does). A read-only file (no write bit, or
//! one this user may not open for writing) is refused, as prettier and
//! rustfmt refuse it: a rename would replace it whatever its mode, and as
//! root every permission check passes, so the mode bits are checked here.
//! A file with more than one hard link is refused too: the rename would give
//! this name new contents and leave the other names with the old ones.

use std::{
    fs,
    io::{self, Write},
    path::Path,
};

/// Replaces `path`'s contents with `contents` atomically.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(contents))
}

/// [`write_atomic`] with the writing step given (tests inject failures).
pub(crate) fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    let path = target.as_path();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let metadata = fs::metadata(path)?;
    if hard_links(&metadata) > 1 {
        return Err(io::Error::other(format!(
            "the file has {} hard links, which replacing it would split (the other names \
             would keep the old text)",
            hard_links(&metadata)
        )));
    }
    let permissions = metadata.permissions();
    if permissions.readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    // Opening for writing changes nothing; it fails where this user may not write.
    fs::OpenOptions::new().write(true).open(path)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".handler-closures-")
        .tempfile_in(dir)?;
    write(temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    fs::set_permissions(temp.path(), permissions)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn hard_links(metadata: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(metadata)
}

#[cfg(not(unix))]
fn hard_links(_: &fs::Metadata) -> u64 {
    1
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(unix)]
    use std::os::unix::fs::PermissionsExt;

    #[cfg(unix)]
    #[test]
    fn refuses_a_hard_linked_file_and_changes_neither_name() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.tsx");
        let b = dir.path().join("b.tsx");
        fs::write(&a, "old").unwrap();
        fs::hard_link(&a, &b).unwrap();
        let err = write_atomic(&a, b"new").unwrap_err();
        assert!(err.to_string().contains("hard links"), "{err}");
        assert_eq!(fs::read_to_string(&a).unwrap(), "old");
        assert_eq!(fs::read_to_string(&b).unwrap(), "old");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temporary file left"
        );
    }

    #[test]
    fn replaces_contents_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("A.tsx");
        fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.tsx");
        let link = dir.path().join("link.tsx");
        fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink("real.tsx", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_link(&link).unwrap(), Path::new("real.tsx"));
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temporary file left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_refused_even_as_root() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("A.tsx");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let error = write_atomic(&path, b"new").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o444
        );
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn an_interrupted_write_leaves_the_original_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("A.tsx");
        fs::write(&path, "original").unwrap();
        let result = write_atomic_with(&path, |file| {
            file.write_all(b"half of the new con")?;
            Err(io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "original");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }
}
