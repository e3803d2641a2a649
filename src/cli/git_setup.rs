//! `git-setup [DIR]`: makes a git repository merge datasets with `merge` and show them with
//! `textconv`, so `git merge`, `git pull`, `git diff` and `git log -p` use them.

use std::path::Path;

use crate::store;

/// Configures the git repository at `dir` to merge and diff datasets with this program: the
/// `.gitattributes` line and the `merge.board-explorer` and `diff.board-explorer` settings.
pub fn git_setup(dir: &Path) -> Result<String, String> {
    let git = |args: &[&str]| -> Result<String, String> {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .map_err(|e| format!("error: cannot run git: {e}"))?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
        } else {
            Err(format!(
                "error: git {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ))
        }
    };
    let top = git(&["rev-parse", "--show-toplevel"])
        .map_err(|_| format!("error: {} is not in a git repository", dir.display()))?;
    let exe = std::env::current_exe()
        .map_err(|e| format!("error: cannot tell where this program is: {e}"))?;
    let exe = shell_quote(&exe.to_string_lossy());
    git(&[
        "config",
        "merge.board-explorer.name",
        "board-explorer: three-way merge by id",
    ])?;
    git(&[
        "config",
        "merge.board-explorer.driver",
        &format!("{exe} merge %O %A %B"),
    ])?;
    git(&[
        "config",
        "diff.board-explorer.textconv",
        &format!("{exe} textconv"),
    ])?;
    let attributes = Path::new(&top).join(".gitattributes");
    let line = "*.ron merge=board-explorer diff=board-explorer";
    let existing = std::fs::read_to_string(&attributes).unwrap_or_default();
    let mut note = format!("{} already has the line\n", attributes.display());
    if !existing.lines().any(|l| l.trim() == line) {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(line);
        text.push('\n');
        store::write_atomic(&attributes, text.as_bytes())
            .map_err(|e| format!("error: cannot write {}: {e}", attributes.display()))?;
        let _ = std::fs::remove_file(store::backup_path(&attributes));
        note = format!(
            "wrote {} (commit it, so every clone merges by id)\n",
            attributes.display()
        );
    }
    let exclude = git(&["rev-parse", "--git-path", "info/exclude"])?;
    exclude_lock_files(&dir.join(exclude))?;
    Ok(format!(
        "{note}set merge.board-explorer.driver and diff.board-explorer.textconv in {top}/.git/config \
         (each clone runs `board-explorer git-setup` once)\n"
    ))
}

/// The lock files writers keep beside datasets (`.board.ron.lock`) are this clone's business,
/// never to be committed: listed in the clone's own `info/exclude` (not in a file that is
/// committed, since older clones do not make them).
fn exclude_lock_files(exclude: &Path) -> Result<(), String> {
    const PATTERN: &str = ".*.ron.lock";
    let existing = std::fs::read_to_string(exclude).unwrap_or_default();
    if existing.lines().any(|l| l.trim() == PATTERN) {
        return Ok(());
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(PATTERN);
    text.push('\n');
    // The store's atomic write makes the folder if need be, and never leaves half a file.
    crate::store::replace_atomic(exclude, text.as_bytes())
        .map_err(|e| format!("error: cannot write {}: {e}", exclude.display()))
}

/// A path as one word for the shell git runs the driver with.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}
