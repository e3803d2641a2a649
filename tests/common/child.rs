//! Running one test of this binary again as a child process, its job (a path) named in an
//! environment variable: for what needs a process of its own, as tests share their binary's
//! process (killed at a random moment, limited in the size of the files it writes, or given
//! another environment).

use std::path::{Path, PathBuf};
use std::process::Command;

const JOB: &str = "BOARD_EXPLORER_TEST_CHILD";

/// The name the test harness knows test `test` of the module `module` by (`module_path!()`
/// there): its path below the crate, which `--exact` needs.
pub fn name(module: &str, test: &str) -> String {
    match module.split_once("::") {
        Some((_crate, path)) => format!("{path}::{test}"),
        None => test.to_string(),
    }
}

/// The command that runs this binary's test `test` (its [`name`]) alone, as a child whose job
/// is `arg`.
pub fn command(test: &str, arg: &Path) -> Command {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(JOB, format!("{test}={}", arg.display()));
    command
}

/// Runs `command` (from [`command`]) to its end and fails unless its one test ran and passed.
pub fn run(mut command: Command) {
    let out = command.output().expect("the test binary runs again");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains("test result: ok. 1 passed"),
        "the child failed or ran no test ({}):\n{stdout}\n{stderr}",
        out.status
    );
}

/// The path this process was given, if it is the child running test `test` (its [`name`]).
pub fn job(test: &str) -> Option<PathBuf> {
    let job = std::env::var(JOB).ok()?;
    let (name, path) = job.split_once('=')?;
    (name == test).then(|| PathBuf::from(path))
}
