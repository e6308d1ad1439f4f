//! Sentence embeddings for parallax: all-MiniLM-L6-v2 run in pure Rust (candle), from a
//! model folder that the project's set-up fetches once (`scripts/fetch-model`); nothing is
//! ever downloaded at run time.
//!
//! Everything that uses embeddings works without them: [`locate`] says whether a model is
//! there, and callers fall back to words alone when it is not.
//!
//! ```no_run
//! use parallax_embed::{locate, Embedder, MiniLm};
//!
//! let dir = locate(None).expect("run scripts/fetch-model first");
//! let model = MiniLm::load(&dir, 128).unwrap();
//! let v = model.embed(&["The mayor closed the bridge.", "The bridge was shut by the mayor."]).unwrap();
//! let cosine: f32 = v[0].iter().zip(&v[1]).map(|(a, b)| a * b).sum();
//! assert!(cosine > 0.8);
//! ```

mod bert;
mod wordpiece;

use std::path::{Path, PathBuf};

use candle_core::{DType, Device};
use candle_nn::VarBuilder;

pub use wordpiece::WordPiece;

/// Where the set-up script puts the model, relative to the repository root.
pub const MODEL_DIR: &str = "models/all-minilm-l6-v2";

/// The environment variable that names a model folder.
pub const MODEL_ENV: &str = "PARALLAX_MODEL_DIR";

/// Sequences embedded together in one forward pass.
const BATCH: usize = 16;

/// What can go wrong loading or running a model.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A model file could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A model file is not what it should be.
    #[error("{path}: {problem}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
    /// The encoder failed while running.
    #[error("embedding failed: {0}")]
    Run(#[from] candle_core::Error),
}

/// A `Result` whose error is this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Anything that turns passages into unit vectors whose dot product says how alike their
/// meanings are.
pub trait Embedder: Send + Sync {
    /// One unit vector per text, in order.
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>>;
    /// The model's name, recorded in reports.
    fn name(&self) -> &str;
}

/// all-MiniLM-L6-v2 (or any BERT encoder with mean pooling in the same layout).
pub struct MiniLm {
    bert: bert::Bert,
    vocab: WordPiece,
    max_tokens: usize,
    name: String,
}

impl std::fmt::Debug for MiniLm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MiniLm")
            .field("name", &self.name)
            .field("max_tokens", &self.max_tokens)
            .finish_non_exhaustive()
    }
}

impl MiniLm {
    /// Checks, without loading the weights, that `dir`'s `config.json` and `vocab.txt`
    /// describe a model this encoder runs and that `model.safetensors` opens like one.
    pub fn check(dir: &Path) -> Result<()> {
        read_config_and_vocab(dir)?;
        // A safetensors file opens with the length of its JSON header, then the header.
        let path = dir.join("model.safetensors");
        let mut head = [0u8; 9];
        std::io::Read::read_exact(
            &mut std::fs::File::open(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?,
            &mut head,
        )
        .map_err(|_| invalid(dir, "model.safetensors", "too short".into()))?;
        if head[8] != b'{' {
            return Err(invalid(
                dir,
                "model.safetensors",
                "not a safetensors file".into(),
            ));
        }
        Ok(())
    }

    /// Loads `config.json`, `vocab.txt` and `model.safetensors` from `dir`; passages are
    /// cut to their first `max_tokens` word pieces (special tokens included).
    pub fn load(dir: &Path, max_tokens: usize) -> Result<MiniLm> {
        let (config, vocab) = read_config_and_vocab(dir)?;
        let path = dir.join("model.safetensors");
        let weights = std::fs::read(&path).map_err(|source| Error::Read { path, source })?;
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &Device::Cpu)
            .map_err(|e| invalid(dir, "model.safetensors", e.to_string()))?;
        let bert = bert::Bert::load(vb, &config)
            .map_err(|e| invalid(dir, "model.safetensors", e.to_string()))?;
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "bert".into());
        Ok(MiniLm {
            bert,
            vocab,
            max_tokens: max_tokens.clamp(2, config.max_positions()),
            name,
        })
    }

    /// The word-piece ids a passage is embedded from.
    pub fn tokens(&self, text: &str) -> Vec<u32> {
        self.vocab.encode(text, self.max_tokens)
    }
}

/// A model file that is not what it should be.
fn invalid(dir: &Path, name: &str, problem: String) -> Error {
    Error::Invalid {
        path: dir.join(name),
        problem,
    }
}

/// The model's `config.json`, checked, and its vocabulary.
fn read_config_and_vocab(dir: &Path) -> Result<(bert::Config, WordPiece)> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read(&path).map_err(|source| Error::Read { path, source })
    };
    let config: bert::Config = serde_json::from_slice(&read("config.json")?)
        .map_err(|e| invalid(dir, "config.json", e.to_string()))?;
    config.check().map_err(|e| invalid(dir, "config.json", e))?;
    let vocab = String::from_utf8(read("vocab.txt")?)
        .ok()
        .and_then(|v| WordPiece::from_vocab(&v))
        .ok_or_else(|| {
            invalid(
                dir,
                "vocab.txt",
                "not a BERT vocabulary ([UNK], [CLS], [SEP])".into(),
            )
        })?;
    Ok((config, vocab))
}

impl Embedder for MiniLm {
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let tokens: Vec<Vec<u32>> = texts.iter().map(|t| self.tokens(t)).collect();
        // Passages of like length go together, so that little of a batch is padding.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| tokens[i].len());
        let mut out = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<Vec<u32>> = chunk.iter().map(|&i| tokens[i].clone()).collect();
            for (&i, v) in chunk.iter().zip(self.bert.embed(&batch)?) {
                out[i] = v;
            }
        }
        Ok(out)
    }

    fn name(&self) -> &str {
        &self.name
    }
}

/// The model folder that was asked for: `explicit` when given, else the folder named by
/// `PARALLAX_MODEL_DIR`; `None` when neither says.
pub fn asked_for(explicit: Option<&Path>) -> Option<PathBuf> {
    explicit
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os(MODEL_ENV).map(PathBuf::from))
}

/// The model folder to use: the one [`asked_for`] when one was, else
/// `models/all-minilm-l6-v2` under the current folder or under the repository this program
/// was built from. `None` when that holds no model.
pub fn locate(explicit: Option<&Path>) -> Option<PathBuf> {
    let candidates: Vec<PathBuf> = match asked_for(explicit) {
        Some(p) => vec![p],
        None => vec![
            PathBuf::from(MODEL_DIR),
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(MODEL_DIR),
        ],
    };
    candidates.into_iter().find(|d| is_model_dir(d))
}

/// True when `dir` holds the three files a model needs.
pub fn is_model_dir(dir: &Path) -> bool {
    ["config.json", "vocab.txt", "model.safetensors"]
        .iter()
        .all(|f| dir.join(f).is_file())
}

/// Dot product of two unit vectors: their cosine.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_without_the_model_files_is_not_a_model() {
        let dir = std::env::temp_dir().join("parallax-embed-no-model");
        std::fs::create_dir_all(&dir).unwrap();
        assert!(!is_model_dir(&dir));
        assert_eq!(locate(Some(&dir)), None);
    }

    #[test]
    fn a_broken_config_is_named() {
        let dir = tempfile_dir("broken-config");
        std::fs::write(dir.join("config.json"), "{").unwrap();
        let e = MiniLm::load(&dir, 128).unwrap_err().to_string();
        assert!(e.contains("config.json"), "{e}");
    }

    fn tempfile_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("parallax-embed-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
