//! Writes the misspelling table of the `typos-dict` crate into `OUT_DIR/misspellings.bin`, in
//! the relocation-free format of `src/misspellings.rs` (whose module docs say why).

#[allow(dead_code)]
#[path = "src/misspellings.rs"]
mod misspellings;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/misspellings.rs");
    let pairs = typos_dict::WORD
        .map
        .entries()
        .map(|(word, fixes)| (word.into_inner(), fixes.to_vec()));
    let table = misspellings::write(pairs);
    let out = std::path::Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("misspellings.bin");
    std::fs::write(&out, table).expect("write the misspelling table");
}
