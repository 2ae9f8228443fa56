package dev.ragfn.benchmarks;

import dev.ragfn.shield.Shield;
import dev.ragfn.shield.ShieldRequest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The CPU time of the chat turn {@link ShieldBenchmark} measures, per turn, by the thread's own clock: on a machine
 * shared with other work, wall-clock percentiles mostly measure the wait for a core; this measures the shield.
 * <p>
 * Usage: {@code java -cp benchmarks.jar dev.ragfn.benchmarks.ShieldCpuTime [turns]}.
 */
public final class ShieldCpuTime {

    private ShieldCpuTime() {
    }

    public static void main(String[] args) {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ShieldRequest input = ShieldRequest.input(ShieldBenchmark.QUESTION, null, null);
        ShieldRequest output = ShieldRequest.output(ShieldBenchmark.ANSWER, null, null, null);
        for (String policy : new String[] {"default", "classifier"}) {
            Shield shield = ShieldBenchmark.shield(policy);
            for (int i = 0; i < turns; i++) {
                shield.check(input);
                shield.check(output);
            }
            long[] nanos = new long[turns];
            for (int i = 0; i < turns; i++) {
                long start = threads.getCurrentThreadCpuTime();
                shield.check(input);
                shield.check(output);
                nanos[i] = threads.getCurrentThreadCpuTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%-10s CPU time per chat turn: p50 %.2f ms, p99 %.2f ms (%d turns after %d warm-up)%n",
                    policy, nanos[turns / 2] / 1e6, nanos[turns * 99 / 100] / 1e6, turns, turns);
        }
    }
}
