//! The release: `.ci/package`, which the release workflow runs on each
//! runner, run here for this machine's target and for Windows' zip, its
//! archives read back with tar and unzip and its checksums verified with
//! `sha256sum -c`; and `.github/workflows/release.yml`, validated against
//! GitHub's workflow schema (SchemaStore's, through check-jsonschema).

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const REPO: &str = env!("CARGO_MANIFEST_DIR");
const VERSION: &str = env!("CARGO_PKG_VERSION");
const WORKFLOW: &str = ".github/workflows/release.yml";
/// Every archive's files are dated this (2023-11-14).
const EPOCH: &str = "1700000000";

fn output(program: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (tests/prepare installs it): {e}"))
}

/// Runs a program, which must succeed; returns its stdout.
fn run(program: &str, args: &[&str], dir: &Path) -> String {
    let output = output(program, args, dir);
    assert!(
        output.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// A `dossier` that runs the tests' build of it. The debug binary weighs
/// some 180 MB, which would take minutes to compress; the packaging does
/// not depend on what the binary holds, only on what it answers.
fn small_dossier(dir: &Path) -> PathBuf {
    let path = dir.join("bin/dossier");
    fs::create_dir_all(path.parent().expect("in bin/")).expect("create bin/");
    let real = env!("CARGO_BIN_EXE_dossier");
    fs::write(&path, format!("#!/bin/sh\nexec '{real}' \"$@\"\n")).expect("write wrapper");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("make it executable");
    path
}

/// Runs `.ci/package TARGET` on `binary` into `out`; returns the archive
/// and checksum paths it prints.
fn package(target: &str, binary: &Path, out: &Path) -> (PathBuf, PathBuf) {
    let script = Path::new(REPO).join(".ci/package");
    let args = [
        target,
        "--binary",
        binary.to_str().expect("UTF-8 path"),
        "--out",
        out.to_str().expect("UTF-8 path"),
    ];
    let printed = run(script.to_str().expect("UTF-8 path"), &args, Path::new(REPO));
    let paths: Vec<PathBuf> = printed.lines().map(PathBuf::from).collect();
    assert_eq!(paths.len(), 2, "{printed}");
    (paths[0].clone(), paths[1].clone())
}

/// This machine's target triple, as rustc names it.
fn host() -> String {
    let info = run("rustc", &["-vV"], Path::new(REPO));
    info.lines()
        .find_map(|line| line.strip_prefix("host: "))
        .expect("rustc -vV names the host")
        .to_string()
}

/// The files every archive holds, below its top folder: the binary, the
/// README, every file of docs/, a man page per command and five
/// completion scripts.
fn expected_files(executable: &str) -> BTreeSet<String> {
    let mut files: BTreeSet<String> = [executable, "README.md"]
        .into_iter()
        .map(str::to_string)
        .collect();
    for entry in walkdir::WalkDir::new(Path::new(REPO).join("docs")) {
        let entry = entry.expect("docs/ readable");
        if entry.file_type().is_file() {
            let relative = entry.path().strip_prefix(REPO).expect("inside");
            files.insert(relative.to_string_lossy().into_owned());
        }
    }
    let temporary = tempfile::tempdir().expect("temporary folder");
    let man = temporary.path().join("man");
    let binary = env!("CARGO_BIN_EXE_dossier");
    let man_arg = man.to_str().expect("UTF-8 path");
    let pages = run(binary, &["man", "--output-dir", man_arg], temporary.path());
    for page in pages.lines() {
        let name = Path::new(page).strip_prefix(&man).expect("in man/");
        files.insert(format!("man/{}", name.display()));
    }
    for script in [
        "dossier.bash",
        "_dossier",
        "dossier.fish",
        "_dossier.ps1",
        "dossier.elv",
    ] {
        files.insert(format!("completions/{script}"));
    }
    files
}

/// The files of a listing (one path a line), below `top`.
fn files_below(listing: &str, top: &str) -> BTreeSet<String> {
    listing
        .lines()
        .filter(|line| !line.ends_with('/'))
        .map(|line| {
            line.strip_prefix(&format!("{top}/"))
                .unwrap_or_else(|| panic!("{line} outside {top}/"))
                .to_string()
        })
        .collect()
}

#[test]
fn the_host_archive_holds_a_working_dossier_and_its_checksum_verifies() {
    let temporary = tempfile::tempdir().expect("temporary folder");
    let dir = temporary.path();
    let target = host();
    let (archive, checksum) = package(&target, &small_dossier(dir), &dir.join("dist"));
    let top = format!("dossier-{VERSION}-{target}");
    assert_eq!(archive, dir.join(format!("dist/{top}.tar.gz")));
    assert_eq!(checksum, dir.join(format!("dist/{top}.tar.gz.sha256")));

    let listing = run("tar", &["-tzf", archive.to_str().expect("UTF-8")], dir);
    assert_eq!(files_below(&listing, &top), expected_files("dossier"));

    let verified = run(
        "sha256sum",
        &["-c", &format!("{top}.tar.gz.sha256")],
        &dir.join("dist"),
    );
    assert_eq!(verified, format!("{top}.tar.gz: OK\n"));

    // Unpacked, the binary runs, builds the example and completes as the
    // tests' build does.
    run("tar", &["-xzf", archive.to_str().expect("UTF-8")], dir);
    let unpacked = dir.join(&top);
    let binary = unpacked.join("dossier");
    let binary = binary.to_str().expect("UTF-8");
    assert_eq!(
        run(binary, &["--version"], dir),
        format!("dossier {VERSION}\n")
    );
    let site = dir.join("site");
    let site_arg = site.to_str().expect("UTF-8");
    run(
        binary,
        &["build", "--root", REPO, "--output-dir", site_arg],
        dir,
    );
    assert!(site.join("index.html").is_file());
    assert!(site.join("dossier.json").is_file());
    let bash = fs::read_to_string(unpacked.join("completions/dossier.bash")).expect("bash");
    assert_eq!(bash, run(binary, &["completions", "bash"], dir));

    // A changed byte fails the check: it does verify.
    let mut bytes = fs::read(&archive).expect("archive");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    fs::write(&archive, bytes).expect("rewrite archive");
    let failed = output(
        "sha256sum",
        &["-c", &format!("{top}.tar.gz.sha256")],
        &dir.join("dist"),
    );
    assert_eq!(failed.status.code(), Some(1));
}

#[test]
fn the_same_inputs_give_the_same_archive() {
    let temporary = tempfile::tempdir().expect("temporary folder");
    let dir = temporary.path();
    let binary = small_dossier(dir);
    let (_, first) = package("x86_64-unknown-linux-musl", &binary, &dir.join("a"));
    let (_, second) = package("x86_64-unknown-linux-musl", &binary, &dir.join("b"));
    let first = fs::read_to_string(first).expect("checksum");
    assert_eq!(first, fs::read_to_string(second).expect("checksum"));
    // Dated SOURCE_DATE_EPOCH, owned by root, executable where it should be.
    let archive = dir.join(format!(
        "a/dossier-{VERSION}-x86_64-unknown-linux-musl.tar.gz"
    ));
    let listing = run("tar", &["-tvzf", archive.to_str().expect("UTF-8")], dir);
    for line in listing.lines() {
        assert!(
            line.contains(" 0/0 ") && line.contains("2023-11-14"),
            "{line}"
        );
        let executable = line.ends_with("/dossier") || line.ends_with('/');
        let mode = if executable { "rwxr-xr-x" } else { "rw-r--r--" };
        assert!(line[1..10] == *mode, "{line}");
    }
}

#[test]
fn windows_gets_a_zip_with_dossier_exe() {
    let temporary = tempfile::tempdir().expect("temporary folder");
    let dir = temporary.path();
    let target = "x86_64-pc-windows-msvc";
    let (archive, _) = package(target, &small_dossier(dir), &dir.join("dist"));
    let top = format!("dossier-{VERSION}-{target}");
    assert_eq!(archive, dir.join(format!("dist/{top}.zip")));
    let archive = archive.to_str().expect("UTF-8");
    run("unzip", &["-tq", archive], dir);
    let listing = run("unzip", &["-Z1", archive], dir);
    assert_eq!(files_below(&listing, &top), expected_files("dossier.exe"));
    let verified = run(
        "sha256sum",
        &["-c", &format!("{top}.zip.sha256")],
        &dir.join("dist"),
    );
    assert_eq!(verified, format!("{top}.zip: OK\n"));
}

#[test]
fn a_target_not_built_is_an_error_that_says_how_to_build_it() {
    let script = Path::new(REPO).join(".ci/package");
    let failed = output(
        script.to_str().expect("UTF-8"),
        &["riscv64gc-unknown-none-elf"],
        Path::new(REPO),
    );
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert_eq!(failed.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: no binary at")
            && stderr.contains(
                "help: build it first: cargo build --release --locked --target riscv64gc-unknown-none-elf"
            ),
        "{stderr}"
    );
    assert!(failed.stdout.is_empty());
}

/// What check-jsonschema says of a workflow file against GitHub's schema.
fn validate(workflow: &Path) -> Output {
    let file = workflow.to_str().expect("UTF-8");
    let args = ["--builtin-schema", "vendor.github-workflows", file];
    output("check-jsonschema", &args, Path::new(REPO))
}

#[test]
fn the_release_workflow_is_valid_and_builds_every_target_on_a_tag() {
    let workflow = Path::new(REPO).join(WORKFLOW);
    let valid = validate(&workflow);
    let said = String::from_utf8_lossy(&valid.stdout);
    assert!(
        valid.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&valid.stderr)
    );

    // The schema catches a mistake: a job without `runs-on`.
    let text = fs::read_to_string(&workflow).expect("workflow");
    let broken = tempfile::tempdir().expect("temporary folder");
    let broken = broken.path().join("release.yml");
    fs::write(&broken, text.replace("runs-on: ubuntu-24.04\n", "")).expect("write copy");
    assert!(
        !validate(&broken).status.success(),
        "a job without runs-on passed"
    );

    let yaml: serde_yaml::Value = serde_yaml::from_str(&text).expect("YAML");
    let tags = &yaml["on"]["push"]["tags"];
    assert_eq!(
        tags,
        &serde_yaml::from_str::<serde_yaml::Value>("[v*]").expect("YAML")
    );
    let targets: BTreeSet<&str> = yaml["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .expect("a matrix of targets")
        .iter()
        .map(|entry| entry["target"].as_str().expect("a target"))
        .collect();
    let expected = BTreeSet::from([
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ]);
    assert_eq!(targets, expected);
    assert!(text.contains("python .ci/package ${{ matrix.target }} --out dist"));
    assert_eq!(yaml["jobs"]["release"]["permissions"]["contents"], "write");
    assert!(text.contains("sha256sum -c ./*.sha256"));
}
