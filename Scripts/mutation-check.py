#!/usr/bin/env python3
"""Shows that the validation tests can fail: injects one deliberate bug at a time into the sources,
builds, runs the tests meant to catch it, and reverts. A mutant the tests do not catch is a hole.

    Scripts/mutation-check.py            # every mutant (about 30 minutes on 2 cores)
    Scripts/mutation-check.py M3 M7      # chosen ones

Each mutant is one exact text replacement (it must match once) and the test filter that should
fail. Run it on a clean work tree: it restores each file from git after its mutant.
"""
import subprocess
import sys
import time

# (name, file, original text, mutated text, test filter, what the bug is)
MUTANTS = [
    ("M1", "Sources/LithiumModel/EventTable.swift",
     "slot: 1, type: .oxidation, reads: .keyIfConnected,",
     "slot: 1, type: .oxidation, reads: .key,",
     "ConnectivityTests|RateOracleTests",
     "dead Li is oxidised"),
    ("M2", "Sources/LithiumModel/ModelParameters.swift",
     "            .setting(li, Int(SiteKind.sei), to: lithiumSEIBondEnergy)\n",
     "",
     "RateOracleTests",
     "the Li–SEI bond is dropped from the binding"),
    ("M3", "Sources/LithiumModel/ElectrochemicalControl.swift",
     "let x = (i + (i * i + 4 * n * oxidation).squareRoot()) / (2 * n)",
     "let x = (i + (i * i - 4 * n * oxidation).squareRoot()) / (2 * n)",
     "GalvanostaticTests",
     "sign flipped in the closed form of the galvanostatic root"),
    ("M4", "Sources/LithiumModel/ElectrochemicalControl.swift",
     "let i = current - constantSide",
     "let i = current + constantSide",
     "GalvanostaticTests",
     "sign flipped in the α_SEI = 0 closed form"),
    ("M5", "Sources/LatticeGas/LatticeGas+KineticApplication.swift",
     "var pick = Int(uniform * Double(targets))",
     "var pick = Int(uniform * uniform * Double(targets))",
     "RandomWalkTests",
     "hop directions biased towards the first free neighbour"),
    ("M6", "Sources/LithiumModel/EventTable.swift",
     "reads: .keyIfConnectedNeighbor(among: [SiteKind.lithium, SiteKind.substrate, SiteKind.alloy]),",
     "reads: .key,",
     "RateOracleTests|ConnectivityTests",
     "Li⁺ reduced onto dead Li alone"),
    ("M7", "Sources/LithiumModel/EventTable.swift",
     "reads: .keyIfConnectedNeighbor(among: [SiteKind.lithium]),",
     "reads: .key,",
     "RateOracleTests|ConnectivityTests",
     "SEI grows on dead Li"),
    ("M8", "Sources/LithiumModel/RateConstants.swift",
     "alloyBindingBase = kinkBinding + p.substrate.alloyingFreeEnergy",
     "alloyBindingBase = kinkBinding + 0.9 * p.substrate.alloyingFreeEnergy",
     "LithiumModelTests.DetailedBalanceTests|RateOracleTests",
     "the alloy's binding misses 10 % of ΔG_alloy (equilibrium potential shifts)"),
    ("M9", "Sources/LithiumModel/EventTable.swift",
     "rate: { $0.n.conductors > 0 && $0.n.empty > 0 ? $0.k.k0 : 0 },",
     "rate: { $0.n.conductors > 0 ? $0.k.k0 : 0 },",
     "LithiumModelTests.DetailedBalanceTests",
     "reduction fills sealed pockets (no reverse)"),
    ("M10", "Sources/LithiumModel/LithiumModel+KineticApplication.swift",
     "EventLookup.list(EventLookup.slots(of: kind(after), in: live), of: neighbor, to: affected)",
     "EventLookup.list(EventLookup.slots(of: kind(after), in: live) & ~2, of: neighbor, to: affected)",
     "BookkeepingTests|ConnectivityTests",
     "a neighbour's slot 1 (SEI growth, oxidation, alloy transport) is not re-classified"),
    ("M11", "Sources/LithiumModel/EventType.swift",
     "case .reduction, .seiFormation: return 1",
     "case .seiFormation: return 1\n        case .reduction: return 0",
     "LithiumModelTests.BookkeepingTests",
     "reductions left out of the net faradaic count"),
    ("M12", "Sources/LithiumModel/ElectrochemicalControl.swift",
     "rates.setTypeFactor(sei, to: exp(k.seiAlpha * k.f * overpotential))",
     "rates.setTypeFactor(sei, to: exp(k.alpha * k.f * overpotential))",
     "GalvanostaticTests",
     "SEI rate scaled with α instead of α_SEI"),
    ("M13", "Sources/Kinetics/RateClassTable.swift",
     "return (members[c][slot], c, min(max(position - Double(slot), 0), 1.0.nextDown))",
     "return (members[c][slot], c, min(max((position - Double(slot)) * (position - Double(slot)), 0), 1.0.nextDown))",
     "SelectionTests|RandomWalkTests",
     "the leftover uniform is not uniform"),
    ("M14", "Sources/Analysis/KolmogorovSmirnov.swift",
     "let lambda = (rootN + 0.12 + 0.11 / rootN) * d",
     "let lambda = rootN * d",
     "KolmogorovSmirnovTests",
     "KS p-value without the small-sample correction"),
    ("M15", "Sources/Analysis/TimeWeightedBatches.swift",
     "while elapsed + remaining >= batchDuration {",
     "while elapsed + remaining > batchDuration {",
     "SampleStatisticsTests",
     "a batch that ends exactly on a boundary is left open"),
    ("M16", "Sources/Analysis/ChiSquared.swift",
     "return gsl_cdf_chisq_Qinv(alpha, Double(k))",
     "let z = NormalQuantile.upper(alpha), kk = Double(k), t = 1 - 2 / (9 * kk) + z * (2 / (9 * kk)).squareRoot()\n        return kk * t * t * t",
     "QuantileTests",
     "the old Wilson–Hilferty approximation"),
    ("M17", "Sources/Analysis/StudentT.swift",
     "return quantile(0.975, degreesOfFreedom: Double(nu))",
     "return nu <= 30 ? quantile(0.975, degreesOfFreedom: Double(nu)) : 1.959_963_985",
     "QuantileTests",
     "Student t replaced by the normal quantile for ν > 30"),
    ("M18", "Sources/BinaryCoding/AtomicFile.swift",
     "let temporary = temporaryPath(for: path)",
     "let temporary = path",
     "writingIsAtomic",
     "files written in place"),
    ("M19", "Sources/GSLRandom/ReplicaSeed.swift",
     "h &*= 0x85eb_ca6b",
     "h &*= 0x85eb_ca6d",
     "ReplicaSeedTests",
     "a changed seed derivation"),
    ("M20", "Sources/LiKMCCommands/RNG.swift",
     "if let saveState { try AtomicFile.write(stream.savedState(), to: saveState) }",
     "if let saveState { _ = stream.next(); try AtomicFile.write(stream.savedState(), to: saveState) }",
     "RandomStateFileTests",
     "the saved RNG state skips a draw"),
    ("M21", "Sources/LithiumModel/RateConstants.swift",
     "PhysicalConstants.elementaryCharge * atomsPerSite * 1e3 / (siteArea * Double(surfaceSites))",
     "PhysicalConstants.elementaryCharge * atomsPerSite * 1.001e3 / (siteArea * Double(surfaceSites))",
     "OutputTests",
     "charge per event off by 0.1 %"),
    ("M22", "Sources/Analysis/ClusterCensus.swift",
     "for neighbor in shape.neighbors(of: site) where !seen[Int(neighbor)] && member(neighbor) {",
     "for neighbor in shape.neighbors(of: site) where !seen[Int(neighbor)] && member(neighbor)"
     " && abs(shape.coordinates(of: neighbor).x - c.x) <= 1 {",
     "SampleStatisticsTests",
     "clusters not joined across the periodic boundary"),
    ("M23", "Sources/LithiumModel/RateConstants.swift",
     "kinkBinding = 3 * p.lithiumBondEnergy",
     "kinkBinding = 3 * p.lithiumBondEnergy + 0.001",
     "RateOracleTests|EquilibriumTests",
     "kink binding off by 1 meV (slab not at equilibrium at η = 0)"),
    ("M24", "Sources/LithiumModel/LithiumModel+Connectivity.swift",
     "            case .tooLarge:\n                recomputeConnectivity(affected: affected)\n                return",
     "            case .tooLarge:\n                continue",
     "fallbackFloodFillAfterEveryEvent",
     "a search that outgrows its budget is taken as connected (no flood fill)"),
    ("M25", "Sources/LithiumModel/RateConstants.swift",
     "hopPrefactor = p.lithiumDiffusivity / siteArea",
     "hopPrefactor = 1.5 * p.lithiumDiffusivity / siteArea",
     "ScalingLawTests|RateOracleTests",
     "terrace hop rate 1.5 × D/ℓ²"),
    ("M26", "Sources/LatticeGas/LatticeGas+KineticApplication.swift",
     "        for d in 0..<Neighbors.directions {\n            let neighbor = around[d]",
     "        for d in 0..<(Neighbors.directions - 1) {\n            let neighbor = around[d]",
     "LatticeGasTests.BookkeepingTests",
     "the lattice gas forgets the last neighbour (−z) when it updates keys"),
    ("M27", "Sources/Output/JSONValue.swift",
     'case "\\t": out += "\\\\t"',
     'case "\\t": out += "\\t"',
     "TextFormatTests",
     "a tab written raw into a JSON string"),
    ("M28", "Sources/Output/CSVTable.swift",
     'return "\\(x)"',
     'return "\\(Float(x))"',
     "TextFormatTests",
     "CSV numbers written in single precision (no longer read back bit for bit)"),
    ("M29", "Sources/BinaryCoding/BinaryReader.swift",
     "guard raw <= UInt64(limit) else {",
     "guard raw <= UInt64(limit) || true else {",
     "BinaryRoundTripTests",
     "length limits of byte runs not enforced"),
    ("M30", "Sources/Complexions/MetropolisSampler.swift",
     "let delta = flipEnergy(site, at: c, from: a, to: b, skip: partner)",
     "let delta = flipEnergy(site, at: c, from: a, to: b, skip: Neighbors.none)",
     "ComplexionsTests.DetailedBalanceTests|ProfileTests",
     "an exchange counts the bond between the swapped atoms as changed"),
    ("M31", "Sources/Complexions/MetropolisSampler.swift",
     "let field = b == SlabSpecies.solute ? parameters.chemicalPotentialDifference : -parameters.chemicalPotentialDifference",
     "let field = b == SlabSpecies.solute ? -parameters.chemicalPotentialDifference : parameters.chemicalPotentialDifference",
     "ComplexionsTests.DetailedBalanceTests|ProfileTests",
     "Δμ enters the flips with the wrong sign"),
    ("M32", "Sources/Complexions/ExchangeRates.swift",
     "attemptFrequency * Double.exp(-(barrier + energyChange / 2) / thermalEnergy)",
     "attemptFrequency * Double.exp(-(barrier + energyChange / 3) / thermalEnergy)",
     "ExchangeDetailedBalanceTests",
     "exchange rates break detailed balance (ΔH/3 instead of ΔH/2)"),
    ("M33", "Sources/Complexions/ExchangeKinetics+KineticApplication.swift",
     "            for n in slab.shape.neighbors(of: end) { list(n, affected) }\n",
     "",
     "ExchangeKineticsTests",
     "a swap does not re-classify the bonds of its ends' neighbours"),
    ("M34", "Sources/Complexions/Slab.swift",
     "for d in [0, 2, 4] {  // +x, +y, +z: every pair once",
     "for d in 0..<6 {",
     "ComplexionsTests.DetailedBalanceTests|ProfileTests",
     "bonds counted twice in the slab energy"),
    ("M35", "Sources/LithiumModel/ElectrochemicalControl.swift",
     "let clamped = min(max(eta, -limit), limit)",
     "let clamped = eta",
     "GalvanostaticTests",
     "no 5 V cap on the overpotential"),
    ("M36", "Sources/Simulation/CycleRecord.swift",
     '("coulombic_efficiency", .number(coulombicEfficiency)),',
     '("ce", .number(coulombicEfficiency)),',
     "CyclingTests",
     "the per-cycle CE missing from summary.json (was skipped silently)"),
    # Au that only stops alloying but still wets (θ = 0) is no bug this test can see: a wetting
    # substrate has no nucleation barrier either. Making it lithiophobic is.
    ("M37", "Sources/LithiumModel/MaterialPresets.swift",
     'name: "Au", contactAngleDegrees: 0, lithiophilic: true,',
     'name: "Au", contactAngleDegrees: 120, lithiophilic: false,',
     "nucleationOverpotentialPositiveOnCuAndAboutZeroOnAu",
     "Au neither alloys nor wets (a Cu-like barrier appears)"),
    ("M70", "Sources/LithiumModel/ModelParameters.swift",
     "guard parameter.admits(x) else {",
     "guard parameter.admits(x) || parameter.kind == .real else {",
     "ParameterTableTests",
     "validate lets a real input out of its range (the scenario reader would still refuse it)"),
    ("M71", "Sources/LithiumModel/LithiumModel+Checkpointable.swift",
     "writer.write(parameter.value(in: p) ?? .nan)",
     "writer.write(parameter.isOptional ? .nan : parameter.value(in: p)!)",
     "ParameterTableTests",
     "the checkpoint drops the optional inputs (ε(Li,M), ε(Li,LiM) given directly)"),
]


def run(command):
    return subprocess.run(command, shell=True, capture_output=True, text=True)


def check(mutant):
    name, path, original, mutated, tests, bug = mutant
    text = open(path).read()
    if text.count(original) != 1:
        return f"{name}: original text found {text.count(original)} times in {path} — mutant stale"
    open(path, "w").write(text.replace(original, mutated))
    try:
        start = time.time()
        build = run("swift build -c release -Xswiftc -enable-testing --build-tests 2>&1")
        if build.returncode != 0:
            return f"{name} ({bug}): does not compile — {build.stdout[-300:]}"
        test = run(f"swift test -c release -Xswiftc -enable-testing --skip-build --filter '{tests}' 2>&1")
        caught = test.returncode != 0
        failing = sorted({line.split(" recorded")[0].split("Test ")[-1]
                          for line in test.stdout.splitlines() if "recorded an issue" in line})
        verdict = "CAUGHT" if caught else "MISSED"
        return f"{name} {verdict} ({time.time() - start:.0f} s) — {bug}; failing: {', '.join(failing[:4]) or '-'}"
    finally:
        run(f"git checkout -- '{path}'")


if __name__ == "__main__":
    chosen = set(sys.argv[1:])
    for mutant in MUTANTS:
        if chosen and mutant[0] not in chosen:
            continue
        print(check(mutant), flush=True)
