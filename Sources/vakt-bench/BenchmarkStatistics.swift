#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Timing and summarising samples: a monotonic clock and the thread's CPU
/// clock, the median and spread of repeated runs, and throughput in MB/s
/// (MB = 10^6 bytes).
struct BenchmarkStatistics {
    /// Seconds per iteration, one value per timed sample.
    let samples: [Double]

    init(samples: [Double]) {
        precondition(!samples.isEmpty, "no samples")
        self.samples = samples.sorted()
    }

    var median: Double {
        let count = samples.count
        return count % 2 == 1 ? samples[count / 2] : (samples[count / 2 - 1] + samples[count / 2]) / 2
    }

    var fastest: Double { samples[0] }
    var slowest: Double { samples[samples.count - 1] }

    /// Throughput of the median sample.
    func megabytesPerSecond(bytes: Int) -> Double {
        Double(bytes) / 1_000_000 / median
    }

    /// The spread as ± per cent of the median: half the distance between the
    /// slowest and fastest sample.
    var spreadPercent: Double {
        (slowest - fastest) / 2 / median * 100
    }

    /// Wall-clock and CPU-time statistics of the same samples.
    struct Timing {
        /// Elapsed (monotonic) time: what a user waits.
        var wall: BenchmarkStatistics
        /// CPU time of this thread: what the work costs, even while other
        /// processes compete for the cores (it still includes their cache effects).
        var cpu: BenchmarkStatistics
    }

    /// Times `body` `iterations` times per sample, after `warmups` untimed samples.
    static func measure(samples count: Int, warmups: Int, iterations: Int, _ body: () -> Void) -> Timing {
        for _ in 0..<warmups {
            for _ in 0..<iterations { body() }
        }
        var wall: [Double] = []
        var cpu: [Double] = []
        wall.reserveCapacity(count)
        cpu.reserveCapacity(count)
        for _ in 0..<count {
            let start = now()
            let cpuStart = threadCPUTime()
            for _ in 0..<iterations { body() }
            cpu.append((threadCPUTime() - cpuStart) / Double(iterations))
            wall.append((now() - start) / Double(iterations))
        }
        return Timing(wall: BenchmarkStatistics(samples: wall), cpu: BenchmarkStatistics(samples: cpu))
    }

    /// Monotonic time in seconds.
    static func now() -> Double {
        seconds(on: CLOCK_MONOTONIC)
    }

    /// CPU time of the calling thread in seconds.
    static func threadCPUTime() -> Double {
        seconds(on: CLOCK_THREAD_CPUTIME_ID)
    }

    private static func seconds(on clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }
}
