//! `git-setup [DIR]`: makes a git repository merge datasets with `merge` and show them with
//! `textconv`, so `git merge`, `git pull`, `git diff` and `git log -p` use them.

use std::path::Path;

use super::shown;
use crate::session::disk::add_line_once;

/// The lines `git-setup` adds to the repository's `.gitignore`: the backups every save keeps
/// and the snapshots folder, which are each reporter's own.
const IGNORED: [&str; 2] = ["*.ron.bak", "saves/"];

/// Configures the git repository at `dir` to merge and diff datasets with this program: the
/// `.gitattributes` line, the `.gitignore` lines, and the `merge.board-explorer` and
/// `diff.board-explorer` settings. The drivers name `board-explorer` as found on PATH, so
/// the setting holds on every machine and after the program moves; `absolute` names this
/// program's own path instead.
pub fn git_setup(dir: &Path, absolute: bool) -> Result<String, String> {
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
                super::escape::terminal_cell(String::from_utf8_lossy(&out.stderr).trim())
            ))
        }
    };
    let top = git(&["rev-parse", "--show-toplevel"])
        .map_err(|_| format!("error: {} is not in a git repository", shown(dir)))?;
    let exe = if absolute {
        let exe = std::env::current_exe()
            .map_err(|e| format!("error: cannot tell where this program is: {e}"))?;
        shell_quote(&exe.to_string_lossy())
    } else {
        "board-explorer".to_string()
    };
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
    // A dataset's readable form is worth keeping: git log -p over many commits runs it once.
    git(&["config", "diff.board-explorer.cachetextconv", "true"])?;
    let attributes = Path::new(&top).join(".gitattributes");
    let wrote = add_line_once(
        &attributes,
        "*.ron merge=board-explorer diff=board-explorer",
    )
    .map_err(|e| format!("error: cannot write {}: {e}", shown(&attributes)))?;
    let mut note = if wrote {
        format!(
            "wrote {} (commit it, so every clone merges by id)\n",
            shown(&attributes)
        )
    } else {
        format!("{} already has the line\n", shown(&attributes))
    };
    let ignore = Path::new(&top).join(".gitignore");
    let mut ignored = false;
    for line in IGNORED {
        ignored |= add_line_once(&ignore, line)
            .map_err(|e| format!("error: cannot write {}: {e}", shown(&ignore)))?;
    }
    if ignored {
        note.push_str(&format!(
            "wrote {} (backups and snapshots stay each reporter's own)\n",
            shown(&ignore)
        ));
    }
    // The lock files writers keep beside datasets (`.board.ron.lock`) are this clone's
    // business, never to be committed: listed in the clone's own `info/exclude` (not in a file
    // that is committed, since older clones do not make them).
    let exclude = dir.join(git(&["rev-parse", "--git-path", "info/exclude"])?);
    add_line_once(&exclude, ".*.ron.lock")
        .map_err(|e| format!("error: cannot write {}: {e}", shown(&exclude)))?;
    Ok(format!(
        "{note}set merge.board-explorer.driver and diff.board-explorer.textconv to `{}` in \
         {}/.git/config (each clone runs `board-explorer git-setup` once{})\n",
        super::escape::terminal_cell(&exe),
        super::escape::terminal_cell(&top),
        if absolute {
            ""
        } else {
            "; the program must be on PATH, or run it with --absolute"
        }
    ))
}

/// A path as one word for the shell git runs the driver with.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}
