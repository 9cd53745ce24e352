import CGSL

/// The generator names GSL offers (`gsl_rng_types_setup`), looked up by name.
///
/// GSL exports its generator types as global pointers (`gsl_rng_mt19937`, …), which Swift 6
/// rejects as shared mutable state; the CGSL shim reaches the same immutable descriptors by name.
public enum GeneratorCatalog {
    /// The default generator: Mersenne Twister, period 2^19937 − 1, fast and well tested.
    public static let defaultName = "mt19937"

    /// Every generator name GSL knows, in GSL's order.
    public static var names: [String] {
        (0..<Int(cgsl_rng_type_count())).map { String(cString: cgsl_rng_type_name(Int32($0))) }
    }

    /// The GSL type descriptor for `name`, or an error listing the valid names.
    static func type(named name: String) throws(RandomStreamError) -> UnsafePointer<gsl_rng_type> {
        guard let type = cgsl_rng_type_named(name) else {
            throw .unknownGenerator(name: name, valid: names)
        }
        return type
    }

    /// The version of the GSL library this binary was built against.
    public static var gslVersion: String { String(cString: cgsl_version()) }
}
