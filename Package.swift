// swift-tools-version: 6.1
//
// LithiumKMC — kinetic Monte Carlo for lithium-metal anodes.
// Module boundaries follow SPPARKS: the lattice, the solver (Kinetics, knows nothing of
// lithium), the applications (LatticeGas, LithiumModel), the diagnostics (Analysis) and I/O.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "LithiumKMC",
    products: [
        .executable(name: "likmc", targets: ["likmc"]),
        .library(name: "GSLRandom", targets: ["GSLRandom"]),
        .library(name: "Kinetics", targets: ["Kinetics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .systemLibrary(
            name: "CPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),
        .systemLibrary(name: "CPrefetch"),
        .target(name: "BinaryCoding", exclude: ["README.md"], swiftSettings: strict),
        .target(
            name: "GSLRandom",
            dependencies: ["CGSL", "BinaryCoding", .product(name: "RealModule", package: "swift-numerics")], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "Lattice", dependencies: ["CPrefetch"], exclude: ["README.md"], swiftSettings: strict),
        .target(
            name: "Kinetics",
            dependencies: ["CPrefetch", "GSLRandom", "BinaryCoding", .product(name: "RealModule", package: "swift-numerics")],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(
            name: "LatticeGas",
            dependencies: ["Lattice", "Kinetics", "GSLRandom", "BinaryCoding", .product(name: "RealModule", package: "swift-numerics")],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(
            name: "LithiumModel",
            dependencies: ["Lattice", "Kinetics", "GSLRandom", "BinaryCoding"],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(
            name: "Complexions",
            dependencies: ["Lattice", "Kinetics", "GSLRandom", "Analysis", .product(name: "RealModule", package: "swift-numerics")],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(name: "Output", dependencies: ["BinaryCoding", "CPNG"], exclude: ["README.md"], swiftSettings: strict),
        .target(
            name: "Simulation",
            dependencies: ["LithiumModel", "Complexions", "Analysis", "Output", "Kinetics", "Lattice", "GSLRandom", "BinaryCoding",
                           .product(name: "Yams", package: "Yams")],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(
            name: "Analysis",
            dependencies: ["CGSL", "Lattice", .product(name: "RealModule", package: "swift-numerics")],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .target(
            name: "LiKMCCommands",
            dependencies: [
                "GSLRandom", "Lattice", "Kinetics", "LatticeGas", "Analysis", "BinaryCoding", "LithiumModel",
                "Complexions", "Simulation", "Output",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"],
            swiftSettings: strict
        ),
        .executableTarget(name: "likmc", dependencies: ["LiKMCCommands"], swiftSettings: strict),
        .testTarget(name: "GSLRandomTests", dependencies: ["GSLRandom", "CGSL", "Analysis", .product(name: "RealModule", package: "swift-numerics")], swiftSettings: strict),
        .testTarget(name: "BinaryCodingTests", dependencies: ["BinaryCoding", "GSLRandom"], swiftSettings: strict),
        .testTarget(name: "OutputTests", dependencies: ["Output", "CPNG", "GSLRandom"], swiftSettings: strict),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Lattice", "GSLRandom"], swiftSettings: strict),
        .testTarget(name: "LatticeTests", dependencies: ["Lattice", "GSLRandom"], swiftSettings: strict),
        .testTarget(name: "KineticsTests", dependencies: ["Kinetics", "GSLRandom", "Analysis"], swiftSettings: strict),
        .testTarget(
            name: "LithiumModelTests",
            dependencies: ["LithiumModel", "Lattice", "Kinetics", "GSLRandom", "Analysis"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["Simulation", "LithiumModel", "Analysis", "Output", "GSLRandom"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LiKMCCommandsTests",
            dependencies: ["LiKMCCommands", "GSLRandom", "Simulation", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ComplexionsTests",
            dependencies: ["Complexions", "Lattice", "Kinetics", "GSLRandom", "Analysis"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LatticeGasTests",
            dependencies: ["LatticeGas", "Lattice", "Kinetics", "GSLRandom", "Analysis", "BinaryCoding"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "KMCBenchmarks",
            dependencies: [
                "GSLRandom", "Lattice", "Kinetics", "LatticeGas", "LithiumModel", "Simulation",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/KMCBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
