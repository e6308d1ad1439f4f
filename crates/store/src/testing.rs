//! A throwaway PostgreSQL server for tests: `initdb` into a temporary folder, started on a
//! free loopback port with trust authentication, stopped (immediately) when dropped.
//!
//! It uses the server programs of the machine (Debian's `postgresql` package puts them in
//! `/usr/lib/postgresql/<version>/bin`; `PARALLAX_PG_BIN` names another folder). As root,
//! which PostgreSQL refuses to run as, it runs them as the `postgres` user the package
//! creates.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A running server.
pub struct Postgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_user: Option<String>,
    port: u16,
}

/// Whether the tests that need a server must run (`PARALLAX_POSTGRES_TESTS=required`, as
/// in CI), rather than say why they cannot and pass.
pub fn required() -> bool {
    std::env::var("PARALLAX_POSTGRES_TESTS").is_ok_and(|v| v == "required")
}

/// A server, or `None` after saying on standard error why there is none (a panic instead
/// when the tests are [`required`]).
pub fn server_or_skip(test: &str) -> Option<Postgres> {
    match Postgres::start() {
        Ok(p) => Some(p),
        Err(why) if required() => panic!("{test}: PostgreSQL is required: {why}"),
        Err(why) => {
            eprintln!("{test}: skipped, no PostgreSQL server: {why} (scripts/setup-postgres-tests installs one)");
            None
        }
    }
}

impl Postgres {
    /// Creates a cluster and starts it; the error says what is missing or what failed.
    pub fn start() -> Result<Postgres, String> {
        let bin = server_programs().ok_or("no initdb found (PostgreSQL's server programs)")?;
        let as_user = if is_root() {
            Some("postgres".to_string())
        } else {
            None
        };
        let dir = tempfile::Builder::new()
            .prefix("parallax-pg-")
            .tempdir()
            .map_err(|e| format!("a temporary folder: {e}"))?;
        if let Some(user) = &as_user {
            let status = Command::new("chown")
                .arg(format!("{user}:"))
                .arg(dir.path())
                .status()
                .map_err(|e| format!("chown: {e}"))?;
            if !status.success() {
                return Err(format!("cannot give {} to {user}", dir.path().display()));
            }
        }
        let data = dir.path().join("data");
        let mut server = Postgres {
            port: 0,
            dir,
            bin,
            as_user,
        };
        server.run(
            "initdb",
            &[
                "-D",
                &data.display().to_string(),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "--no-locale",
                "-E",
                "UTF8",
            ],
        )?;
        // A port free a moment ago; another process taking it in between fails the start,
        // which is then tried on another.
        let mut last = String::new();
        for _ in 0..3 {
            let port = free_port()?;
            let options = format!(
                "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
                server.dir.path().display()
            );
            let log = server.dir.path().join("server.log").display().to_string();
            let started = server.run(
                "pg_ctl",
                &[
                    "-D",
                    &data.display().to_string(),
                    "-l",
                    &log,
                    "-w",
                    "-o",
                    &options,
                    "start",
                ],
            );
            match started {
                Ok(()) => {
                    server.port = port;
                    return Ok(server);
                }
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    /// Creates a database and returns its URL.
    pub fn database(&self, name: &str) -> String {
        let admin = format!("postgres://postgres@127.0.0.1:{}/postgres", self.port);
        let mut client = ::postgres::Client::connect(&admin, ::postgres::NoTls)
            .unwrap_or_else(|e| panic!("{admin}: {e}"));
        client
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .unwrap_or_else(|e| panic!("creating {name}: {e}"));
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    fn run(&self, program: &str, args: &[&str]) -> Result<(), String> {
        let path = self.bin.join(program);
        let mut command = match &self.as_user {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.arg("-u").arg(user).arg("--").arg(&path);
                c
            }
            None => Command::new(&path),
        };
        let out = command
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{program} failed: {}{}",
                String::from_utf8_lossy(&out.stderr).trim(),
                std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
            ))
        }
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        if self.port != 0 {
            let data = self.dir.path().join("data").display().to_string();
            let _ = self.run("pg_ctl", &["-D", &data, "-m", "immediate", "stop"]);
        }
    }
}

/// The folder holding `initdb` and `pg_ctl`: `PARALLAX_PG_BIN`, else the newest
/// `/usr/lib/postgresql/*/bin`, else wherever `initdb` is on the path.
fn server_programs() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PARALLAX_PG_BIN") {
        return Some(PathBuf::from(dir));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Some(bin);
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).find(|p| Path::new(p).join("initdb").exists())
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("a free port: {e}"))
}
