/// The name of the k-th directory of a series inside an output directory — `point-000`, `probe-012` —
/// zero-padded to three digits so that a listing sorts them in order (wider past 999).
enum NumberedDirectory {
    static func name(_ prefix: String, _ index: Int) -> String {
        prefix + "-" + String(repeating: "0", count: max(0, 3 - String(index).count)) + String(index)
    }
}
