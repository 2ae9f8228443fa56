package dev.ragfn.benchmarks;

import dev.ragfn.shield.Shield;
import dev.ragfn.shield.ShieldRequest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The chat turns {@link ShieldBenchmark} measures, timed per turn by the thread's own CPU clock and by the wall
 * clock: on a machine shared with other work, wall-clock percentiles mostly measure the wait for a core; CPU time
 * measures the shield. For the streamed answer it also times each piece, which is what the shield adds before
 * a token can go out.
 * <p>
 * Usage: {@code java -cp benchmarks.jar dev.ragfn.benchmarks.ShieldCpuTime [turns] [streamed turns]}.
 */
public final class ShieldCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ShieldCpuTime() {
    }

    public static void main(String[] args) {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int streamedTurns = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        ShieldRequest input = ShieldRequest.input(ShieldBenchmark.QUESTION, null, null);
        ShieldRequest output = ShieldRequest.output(ShieldBenchmark.ANSWER, null, null, null);
        for (String policy : new String[] {"default", "classifier"}) {
            Shield shield = ShieldBenchmark.shield(policy);
            Runnable whole = () -> {
                shield.check(input);
                shield.check(output);
            };
            print(policy, "chat turn, answer whole", time(whole, turns, turns));

            long[][] pieces = new long[2][0];
            int[] piece = {0};
            long[] last = new long[2];
            Runnable streamed = () -> {
                shield.check(input);
                last[0] = THREADS.getCurrentThreadCpuTime();
                last[1] = System.nanoTime();
                ShieldBenchmark.streamed(shield, passed -> { }, () -> {
                    if (piece[0] < pieces[0].length) {
                        long cpu = THREADS.getCurrentThreadCpuTime();
                        long wall = System.nanoTime();
                        pieces[0][piece[0]] = cpu - last[0];
                        pieces[1][piece[0]++] = wall - last[1];
                        last[0] = cpu;
                        last[1] = wall;
                    }
                });
            };
            time(streamed, streamedTurns / 5 + 1, 0);
            int perTurn = (ShieldBenchmark.ANSWER.length() + ShieldBenchmark.TOKEN_CHARS - 1) / ShieldBenchmark.TOKEN_CHARS;
            pieces[0] = new long[perTurn * streamedTurns];
            pieces[1] = new long[perTurn * streamedTurns];
            print(policy, "chat turn, answer streamed", time(streamed, 0, streamedTurns));
            print(policy, "one streamed piece (" + ShieldBenchmark.TOKEN_CHARS + " chars)",
                    new long[][] {Arrays.copyOf(pieces[0], piece[0]), Arrays.copyOf(pieces[1], piece[0])});
        }
    }

    /** CPU and wall nanoseconds of each of {@code measured} runs, after {@code warmUp} runs. */
    private static long[][] time(Runnable turn, int warmUp, int measured) {
        for (int i = 0; i < warmUp; i++) {
            turn.run();
        }
        long[] cpu = new long[measured];
        long[] wall = new long[measured];
        for (int i = 0; i < measured; i++) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            turn.run();
            cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
            wall[i] = System.nanoTime() - wallStart;
        }
        return new long[][] {cpu, wall};
    }

    private static void print(String policy, String what, long[][] cpuAndWall) {
        long[] cpu = cpuAndWall[0].clone();
        long[] wall = cpuAndWall[1].clone();
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "%-10s %-32s CPU p50 %7.3f ms p99 %7.3f ms | wall p50 %7.3f ms p99 %7.3f ms (%d)%n",
                policy, what, cpu[cpu.length / 2] / 1e6, cpu[cpu.length * 99 / 100] / 1e6,
                wall[wall.length / 2] / 1e6, wall[wall.length * 99 / 100] / 1e6, cpu.length);
    }
}
