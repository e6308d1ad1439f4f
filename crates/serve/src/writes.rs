//! Who may write: the checks a `POST` passes before its body is read.
//!
//! A browser lets any page it shows send a "simple" cross-origin request (a form, or
//! `fetch` with `text/plain`) without asking the server first, and a page on a name the
//! attacker rebinds to 127.0.0.1 (DNS rebinding) even reads the answers. So a write must
//!
//! - be `Content-Type: application/json` (or `application/x-ndjson` for JSON lines): a
//!   type no page can send across origins without a CORS preflight, which this server
//!   never grants (415 otherwise);
//! - carry a `Host` naming this server: an IP address literal it listens on (any when it
//!   listens on all of them: a rebound name is never an IP literal), `localhost` when it
//!   listens on loopback, or one of the host names it was told (403 otherwise);
//! - carry no `Origin`, or one of `http://` and such a host with the server's port (403
//!   otherwise: another site, or another program on this machine on another port);
//! - carry `Authorization: Bearer TOKEN` (the scheme in any case) when a token is set,
//!   compared in constant time; without a token, writes are taken only on loopback.

use std::net::{IpAddr, SocketAddr};

use crate::http::Head;

/// The rules for writes on one server.
#[derive(Debug, Clone)]
pub(crate) struct WritePolicy {
    /// Where the server listens.
    pub(crate) bound: SocketAddr,
    /// The token writes must carry.
    pub(crate) token: Option<String>,
    /// Host names besides its addresses that the server answers to (lowercase).
    pub(crate) hosts: Vec<String>,
}

/// Why a write was refused: the status and what to tell the client.
pub(crate) type Refusal = (u16, String);

impl WritePolicy {
    /// Ok when the request may write.
    pub(crate) fn check(&self, head: &Head) -> Result<(), Refusal> {
        let kind = head.header("Content-Type").unwrap_or("");
        let media = kind.split(';').next().unwrap_or("").trim();
        if !media.eq_ignore_ascii_case("application/json")
            && !media.eq_ignore_ascii_case("application/x-ndjson")
        {
            return Err((
                415,
                "writes are taken as Content-Type: application/json only".into(),
            ));
        }
        if !head.header("Host").is_some_and(|h| self.is_own(h, false)) {
            return Err((
                403,
                "the Host header does not name this server; writes are refused".into(),
            ));
        }
        if let Some(origin) = head.header("Origin") {
            let own = origin
                .strip_prefix("http://")
                .is_some_and(|at| self.is_own(at, true));
            if !own {
                return Err((403, "writes from other sites are refused".into()));
            }
        }
        if !self.authorised(head) {
            return Err((403, "writes need the server's token".into()));
        }
        Ok(())
    }

    /// Whether `Authorization` carries the token (`Bearer`, in any case); without a token,
    /// whether the server listens on loopback only.
    fn authorised(&self, head: &Head) -> bool {
        let Some(token) = &self.token else {
            return self.bound.ip().is_loopback();
        };
        let given = head.header("Authorization").and_then(|a| {
            let (scheme, credentials) = a.split_once(' ')?;
            scheme
                .eq_ignore_ascii_case("bearer")
                .then_some(credentials.trim())
        });
        given.is_some_and(|g| constant_time_eq::constant_time_eq(g.as_bytes(), token.as_bytes()))
    }

    /// Whether `authority` (`host[:port]`) names this server: an address it listens on, a
    /// loopback name when it listens on loopback, or a name it was given; the port, when
    /// given (or `port_required`, defaulting to 80), must be the one it listens on.
    fn is_own(&self, authority: &str, port_required: bool) -> bool {
        let (host, port) = split_authority(authority);
        let port_ok = match port {
            Some(p) => p.parse::<u16>().ok() == Some(self.bound.port()),
            None => !port_required || self.bound.port() == 80,
        };
        if !port_ok {
            return false;
        }
        let host = host.to_ascii_lowercase();
        let ip = self.bound.ip();
        match host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
        {
            Ok(named) => {
                named == ip || ip.is_unspecified() || (ip.is_loopback() && named.is_loopback())
            }
            Err(_) => {
                (host == "localhost" && (ip.is_loopback() || ip.is_unspecified()))
                    || self.hosts.contains(&host)
            }
        }
    }
}

/// `host[:port]` (the host may be `[v6]`) as host and port.
fn split_authority(authority: &str) -> (&str, Option<&str>) {
    if let Some(rest) = authority.strip_prefix('[') {
        return match rest.split_once(']') {
            Some((v6, tail)) => (&authority[..v6.len() + 2], tail.strip_prefix(':')),
            None => (authority, None),
        };
    }
    match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(lines: &[&str]) -> Head {
        crate::http::tests::head_of(lines)
    }

    fn policy(bound: &str, token: Option<&str>) -> WritePolicy {
        WritePolicy {
            bound: bound.parse().unwrap(),
            token: token.map(String::from),
            hosts: vec!["news.example".into()],
        }
    }

    #[test]
    fn only_json_from_this_server_is_taken() {
        let p = policy("127.0.0.1:8080", None);
        let ok = |lines: &[&str]| p.check(&head(lines)).map_err(|e| e.0);
        let json = "Content-Type: application/json; charset=utf-8";
        assert_eq!(ok(&["Host: 127.0.0.1:8080", json]), Ok(()));
        assert_eq!(
            ok(&[
                "Host: localhost:8080",
                json,
                "Origin: http://localhost:8080"
            ]),
            Ok(())
        );
        assert_eq!(ok(&["Host: [::1]:8080", json]), Ok(()));
        assert_eq!(ok(&["Host: news.example:8080", json]), Ok(()));
        // Simple requests a foreign page may send.
        assert_eq!(
            ok(&["Host: 127.0.0.1:8080", "Content-Type: text/plain"]),
            Err(415)
        );
        assert_eq!(
            ok(&[
                "Host: 127.0.0.1:8080",
                "Content-Type: application/x-www-form-urlencoded"
            ]),
            Err(415)
        );
        assert_eq!(ok(&["Host: 127.0.0.1:8080"]), Err(415));
        // A rebound name, another site, another port, no Host at all.
        assert_eq!(ok(&["Host: evil.example:8080", json]), Err(403));
        assert_eq!(
            ok(&["Host: 127.0.0.1:8080", json, "Origin: http://evil.example"]),
            Err(403)
        );
        assert_eq!(
            ok(&[
                "Host: 127.0.0.1:8080",
                json,
                "Origin: http://localhost:3000"
            ]),
            Err(403)
        );
        assert_eq!(
            ok(&["Host: 127.0.0.1:8080", json, "Origin: null"]),
            Err(403)
        );
        assert_eq!(ok(&["Host: 127.0.0.1:9999", json]), Err(403));
        assert_eq!(ok(&[json]), Err(403));
    }

    #[test]
    fn the_token_is_a_bearer_token_in_any_case() {
        let p = policy("127.0.0.1:8080", Some("s3cret"));
        let ok = |auth: &str| {
            p.check(&head(&[
                "Host: 127.0.0.1:8080",
                "Content-Type: application/json",
                auth,
            ]))
            .is_ok()
        };
        assert!(ok("Authorization: Bearer s3cret"));
        assert!(ok("Authorization: bearer s3cret"));
        assert!(ok("Authorization: BEARER  s3cret"));
        assert!(!ok("Authorization: Bearer s3cre"));
        assert!(!ok("Authorization: Bearer s3cretx"));
        assert!(!ok("Authorization: Basic s3cret"));
        assert!(!ok("X-Nothing: 1"));
    }

    #[test]
    fn beyond_loopback_writes_need_a_token() {
        let p = policy("0.0.0.0:8080", None);
        let h = head(&["Host: 192.0.2.7:8080", "Content-Type: application/json"]);
        assert_eq!(p.check(&h).map_err(|e| e.0), Err(403));
        let p = policy("0.0.0.0:8080", Some("t"));
        let h = head(&[
            "Host: 192.0.2.7:8080",
            "Content-Type: application/json",
            "Authorization: Bearer t",
        ]);
        assert_eq!(p.check(&h), Ok(()));
    }
}
