#if canImport(Glibc)
import Glibc
#endif

/// Checks, before allocating, that a lattice fits in the memory this machine has.
public enum MemoryBudget {
    /// Physical memory available to the process (MemAvailable), or nil when unknown.
    public static func availableBytes() -> Int? {
        #if canImport(Glibc)
        let pages = sysconf(Int32(_SC_AVPHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return nil }
        return pages * size
        #else
        return nil
        #endif
    }

    /// Throws when `bytesPerSite × sites` would exceed 90 % of the available memory.
    public static func check(shape: LatticeShape, bytesPerSite: Int) throws(LatticeError) {
        let (needed, overflow) = shape.siteCount.multipliedReportingOverflow(by: bytesPerSite)
        guard let available = availableBytes() else { return }
        if overflow || needed > available / 10 * 9 {
            throw .insufficientMemory(sites: shape.siteCount, bytesNeeded: overflow ? .max : needed,
                                      bytesAvailable: available)
        }
    }
}
