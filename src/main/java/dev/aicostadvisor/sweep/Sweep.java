package dev.aicostadvisor.sweep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

import dev.aicostadvisor.Advisor;
import dev.aicostadvisor.EvaluationException;
import dev.aicostadvisor.model.Scenario;

/**
 * Evaluates a base scenario with some inputs varied: every combination of their values (the grid), or a
 * random sample of it. Scenarios are evaluated in blocks on a pool of threads and consumed in grid order.
 * Each scenario is kept only as a small signature code until it is counted and written, so memory does
 * not grow with the number of scenarios.
 *
 * <p>On a grid, each scenario is compared with its neighbour one step back along every input. Where a
 * decision's outcome differs, the edge between the two values is bisected to the input's resolution, on the
 * first grid line where that change appears, and confirmed with two evaluations on up to
 * {@code edgeChecks} further lines; a line where it does not hold is bisected again and reported as an edge
 * of its own. A sample has no neighbours, so its edges are found along each numeric input through the base
 * scenario, the other inputs at their base values.
 */
public final class Sweep {

    /** The maximum number of scenarios in a grid; larger sweeps take a sample. */
    public static final long MAX_GRID = 100_000_000L;

    private static final int BLOCK = 256;

    private final Advisor advisor;
    private final Scenario base;
    private final List<SweepAxis> axes;
    private final int[] order;
    private final long[] strides;
    private final long gridSize;
    private final int threads;
    private final OutcomeCodes codes = new OutcomeCodes();
    /** Every evaluation of the current run: its scenarios, and the further ones that locate edges. */
    private final LongAdder evaluations = new LongAdder();

    /** Receives each scenario's row, in the order the sweep consumes them. */
    @FunctionalInterface
    public interface RowListener {
        /**
         * @param number    the scenario's number in the sweep, from 1
         * @param values    the value of each input, in the order the inputs were given
         * @param outcomes  the nodes reached for each decision in flowchart order, joined by '+', or {@code null} when it failed
         * @param error     why the evaluation failed, or {@code null}
         */
        void row(long number, List<Object> values, List<String> outcomes, String error);
    }

    /**
     * @param threads how many threads evaluate scenarios, at least 1
     * @throws InvalidSweepException when no input is given, an input is given twice or the grid is too large
     */
    public Sweep(Advisor advisor, Scenario base, List<SweepAxis> axes, int threads) {
        if (axes.isEmpty()) {
            throw new InvalidSweepException("no input to vary; give at least one --vary FIELD=FROM..TO:STEPS");
        }
        for (int i = 0; i < axes.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (axes.get(i).field() == axes.get(j).field()) {
                    throw new InvalidSweepException("input " + axes.get(i).field().name() + " is varied twice; give each input one --vary");
                }
            }
        }
        if (threads < 1) {
            throw new InvalidSweepException("threads must be at least 1, was " + threads);
        }
        this.advisor = advisor;
        this.base = base;
        this.axes = List.copyOf(axes);
        this.threads = threads;
        // The input with the most values changes slowest, which keeps the window of neighbours smallest.
        this.order = java.util.stream.IntStream.range(0, axes.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> axes.get(i).values().size()).reversed())
                .mapToInt(Integer::intValue).toArray();
        this.strides = new long[axes.size()];
        long size = 1;
        for (int position = order.length - 1; position >= 0; position--) {
            strides[order[position]] = size;
            size = Math.multiplyExact(size, axes.get(order[position]).values().size());
        }
        this.gridSize = size;
    }

    /** Returns how many scenarios the full grid has. */
    public long gridSize() {
        return gridSize;
    }

    /**
     * Evaluates every scenario of the grid.
     *
     * @param edgeChecks on how many lines beyond the first each edge is confirmed; 0 confirms it on every line
     * @param progress   called after each block with the number of scenarios consumed so far
     * @throws InvalidSweepException when the grid is larger than {@link #MAX_GRID}
     */
    public SweepResult runGrid(int edgeChecks, RowListener rows, LongConsumer progress) throws InterruptedException {
        if (gridSize > MAX_GRID) {
            throw new InvalidSweepException(String.format(Locale.ROOT,
                    "the grid has %,d scenarios, more than %,d; use fewer values per input, or --sample N", gridSize, MAX_GRID));
        }
        EdgeFinder edges = new EdgeFinder(edgeChecks, false);
        int window = (int) strides[order[0]];
        int[] recent = new int[window];
        Run run = new Run(rows);
        long start = System.nanoTime();
        consume(gridSize, index -> index, (index, signature) -> {
            for (int axis = 0; axis < axes.size(); axis++) {
                int coordinate = coordinate(index, axis);
                if (coordinate > 0) {
                    int neighbour = recent[(int) ((index - strides[axis]) % window)];
                    edges.compare(index, axis, coordinate, neighbour, signature);
                }
            }
            recent[(int) (index % window)] = signature;
        }, run, progress);
        return run.result(edges.edges(), System.nanoTime() - start);
    }

    /**
     * Evaluates a random sample of the grid, drawn with replacement, the same for the same seed whatever
     * the number of threads.
     */
    public SweepResult runSample(long size, long seed, RowListener rows, LongConsumer progress) throws InterruptedException {
        if (size < 1 || size > MAX_GRID) {
            throw new InvalidSweepException("--sample must be from 1 to " + MAX_GRID + ", was " + size);
        }
        Run run = new Run(rows);
        long start = System.nanoTime();
        consume(size, number -> sampledIndex(seed, number), (index, signature) -> { }, run, progress);
        EdgeFinder edges = new EdgeFinder(0, true);
        edgesThroughBase(edges);
        return run.result(edges.edges(), System.nanoTime() - start);
    }

    /** Maps a sample number to a grid index, from a generator seeded by the seed and the number's block. */
    private long sampledIndex(long seed, long number) {
        SplittableRandom random = new SplittableRandom(seed ^ (number * 0x9E3779B97F4A7C15L));
        return random.nextLong(gridSize);
    }

    /** Returns the scenario at a grid index. */
    Scenario scenarioAt(long index) {
        Scenario scenario = base;
        for (int axis = 0; axis < axes.size(); axis++) {
            scenario = axes.get(axis).field().apply(scenario, axes.get(axis).values().get(coordinate(index, axis)));
        }
        return scenario;
    }

    private int coordinate(long index, int axis) {
        return (int) ((index / strides[axis]) % axes.get(axis).values().size());
    }

    private List<Object> valuesAt(long index) {
        List<Object> values = new ArrayList<>(axes.size());
        for (int axis = 0; axis < axes.size(); axis++) {
            values.add(axes.get(axis).values().get(coordinate(index, axis)));
        }
        return values;
    }

    /** Evaluates a scenario and returns its signature, or -1 when it failed. */
    private int evaluate(Scenario scenario, String[] error) {
        evaluations.increment();
        try {
            return codes.encode(advisor.evaluate(scenario));
        } catch (EvaluationException e) {
            error[0] = e.getMessage();
            return -1;
        }
    }

    /** Receives each consumed scenario's grid index and signature, in order. */
    @FunctionalInterface
    private interface Visitor {
        void visit(long index, int signature);
    }

    /** Maps a scenario's number in the sweep to its grid index. */
    @FunctionalInterface
    private interface IndexOf {
        long index(long number);
    }

    private record Block(long first, long[] indexes, int[] signatures, String[] errors) {
    }

    /**
     * Evaluates scenarios 0 to count - 1 in blocks on the thread pool, and hands them to the visitor and
     * the run in order. At most a few blocks per thread are in flight, so memory stays bounded.
     */
    private void consume(long count, IndexOf indexOf, Visitor visitor, Run run, LongConsumer progress) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "sweep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ArrayDeque<Future<Block>> inFlight = new ArrayDeque<>();
            long next = 0;
            int maxInFlight = threads * 4;
            while (next < count || !inFlight.isEmpty()) {
                while (next < count && inFlight.size() < maxInFlight) {
                    long first = next;
                    int length = (int) Math.min(BLOCK, count - first);
                    inFlight.add(pool.submit(() -> evaluateBlock(first, length, indexOf)));
                    next += length;
                }
                Block block = take(inFlight.poll());
                for (int i = 0; i < block.indexes().length; i++) {
                    long index = block.indexes()[i];
                    int signature = block.signatures()[i];
                    visitor.visit(index, signature);
                    run.add(block.first() + i + 1, index, signature, block.errors() == null ? null : block.errors()[i]);
                }
                progress.accept(block.first() + block.indexes().length);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Block evaluateBlock(long first, int length, IndexOf indexOf) {
        long[] indexes = new long[length];
        int[] signatures = new int[length];
        String[] errors = null;
        String[] error = new String[1];
        for (int i = 0; i < length; i++) {
            indexes[i] = indexOf.index(first + i);
            signatures[i] = evaluate(scenarioAt(indexes[i]), error);
            if (error[0] != null) {
                errors = errors == null ? new String[length] : errors;
                errors[i] = error[0];
                error[0] = null;
            }
        }
        return new Block(first, indexes, signatures, errors);
    }

    private static Block take(Future<Block> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a sweep thread failed: " + e.getCause(), e.getCause());
        }
    }

    /** Finds edges along each numeric input, with the other inputs at the base scenario's values. */
    private void edgesThroughBase(EdgeFinder edges) {
        for (int axis = 0; axis < axes.size(); axis++) {
            SweepAxis sweepAxis = axes.get(axis);
            int previous = -1;
            for (int coordinate = 0; coordinate < sweepAxis.values().size(); coordinate++) {
                Scenario scenario = sweepAxis.field().apply(base, sweepAxis.values().get(coordinate));
                int signature = evaluate(scenario, new String[1]);
                if (coordinate > 0) {
                    edges.compareOnLine(scenario, axis, coordinate, previous, signature, 1);
                }
                previous = signature;
            }
        }
    }

    /** The counts and rows of one sweep. */
    private final class Run {
        private final RowListener rows;
        private final List<String[]> outcomeTexts = new ArrayList<>();
        private long[] counts = new long[16];
        private long scenarios;
        private long failed;
        private String firstError;

        Run(RowListener rows) {
            this.rows = rows;
            evaluations.reset();
        }

        void add(long number, long index, int signature, String error) {
            scenarios++;
            if (signature < 0) {
                failed++;
                if (firstError == null) {
                    firstError = "scenario " + number + ": " + error;
                }
                if (rows != null) {
                    rows.row(number, valuesAt(index), null, error);
                }
                return;
            }
            if (signature >= counts.length) {
                counts = java.util.Arrays.copyOf(counts, Math.max(counts.length * 2, signature + 1));
            }
            counts[signature]++;
            if (rows != null) {
                rows.row(number, valuesAt(index), outcomes(signature), null);
            }
        }

        private List<String> outcomes(int signature) {
            while (outcomeTexts.size() <= signature) {
                outcomeTexts.add(null);
            }
            String[] texts = outcomeTexts.get(signature);
            if (texts == null) {
                texts = new String[codes.decisions().size()];
                for (int decision = 0; decision < texts.length; decision++) {
                    texts[decision] = codes.nodes(decision, codes.mask(signature, decision));
                }
                outcomeTexts.set(signature, texts);
            }
            return List.of(texts);
        }

        SweepResult result(List<SweepResult.Edge> edges, long elapsedNanos) {
            long edgeEvaluations = evaluations.sum() - scenarios;
            Map<String, List<SweepResult.OutcomeCount>> outcomes = new LinkedHashMap<>();
            for (int decision = 0; decision < codes.decisions().size(); decision++) {
                Map<Integer, Long> byMask = new TreeMap<>();
                for (int signature = 0; signature < counts.length && signature < codes.count(); signature++) {
                    if (counts[signature] > 0) {
                        byMask.merge(codes.mask(signature, decision), counts[signature], Long::sum);
                    }
                }
                List<SweepResult.OutcomeCount> list = new ArrayList<>();
                for (Map.Entry<Integer, Long> entry : byMask.entrySet()) {
                    list.add(new SweepResult.OutcomeCount(codes.label(decision, entry.getKey()), entry.getValue()));
                }
                outcomes.put(codes.decisions().get(decision).id(), list);
            }
            return new SweepResult(scenarios, failed, firstError, outcomes, edges, edgeEvaluations, elapsedNanos, threads);
        }
    }

    /** Locates and counts the edges of a sweep; used by the consuming thread only. */
    private final class EdgeFinder {
        private final int edgeChecks;
        private final boolean throughBase;
        private final Map<ChangeKey, Change> changes = new LinkedHashMap<>();

        /** A change of one decision between two neighbouring values of one input. */
        private record ChangeKey(int axis, int coordinate, int decision, int from, int to) {
        }

        /** The places where one change was located, several when it lies elsewhere on some lines. */
        private static final class Change {
            final List<Located> places = new ArrayList<>();
            long lines;
            long checked;
        }

        private static final class Located {
            final Object last;
            final Object first;
            final int mask;
            long lines;
            long checked;

            Located(Object last, Object first, int mask) {
                this.last = last;
                this.first = first;
                this.mask = mask;
            }
        }

        /**
         * @param edgeChecks  on how many lines beyond the first each change is confirmed; 0 for every line
         * @param throughBase whether the only line along each input is the one through the base scenario
         */
        EdgeFinder(int edgeChecks, boolean throughBase) {
            this.edgeChecks = edgeChecks;
            this.throughBase = throughBase;
        }

        /** Compares the scenario at a grid index with its neighbour one step back along an input. */
        void compare(long index, int axis, int coordinate, int neighbour, int signature) {
            if (neighbour < 0 || signature < 0 || neighbour == signature) {
                return;
            }
            compareOnLine(null, axis, coordinate, neighbour, signature, index);
        }

        /**
         * Records the changes between two neighbouring signatures along an input. The line is given by a
         * scenario, or else by the grid index of the later neighbour.
         */
        void compareOnLine(Scenario line, int axis, int coordinate, int neighbour, int signature, long index) {
            if (neighbour < 0 || signature < 0 || neighbour == signature) {
                return;
            }
            for (int decision = 0; decision < codes.decisions().size(); decision++) {
                int from = codes.mask(neighbour, decision);
                int to = codes.mask(signature, decision);
                if (from != to) {
                    Change change = changes.computeIfAbsent(new ChangeKey(axis, coordinate, decision, from, to), key -> new Change());
                    change.lines++;
                    locate(change, line != null ? line : scenarioAt(index), axis, coordinate, decision, from, to);
                }
            }
        }

        private void locate(Change change, Scenario line, int axis, int coordinate, int decision, int from, int to) {
            SweepAxis sweepAxis = axes.get(axis);
            Object lower = sweepAxis.values().get(coordinate - 1);
            Object upper = sweepAxis.values().get(coordinate);
            if (!sweepAxis.numeric()) {
                Located place = change.places.isEmpty() ? addPlace(change, lower, upper, to) : change.places.get(0);
                place.lines++;
                place.checked++;
                change.checked++;
                return;
            }
            if (!change.places.isEmpty() && edgeChecks > 0 && change.checked > edgeChecks) {
                change.places.get(0).lines++;
                return;
            }
            for (Located place : change.places) {
                if (maskAt(line, axis, place.last, decision) == from && maskAt(line, axis, place.first, decision) == place.mask) {
                    place.lines++;
                    place.checked++;
                    change.checked++;
                    return;
                }
            }
            Located place = bisect(change, line, sweepAxis, axis, decision, from, lower, upper, to);
            place.lines++;
            place.checked++;
            change.checked++;
        }

        private Located addPlace(Change change, Object last, Object first, int mask) {
            Located place = new Located(last, first, mask);
            change.places.add(place);
            return place;
        }

        /** Narrows the interval from lower (outcome from) to upper (another outcome) to one resolution step. */
        private Located bisect(Change change, Scenario line, SweepAxis sweepAxis, int axis, int decision, int from,
                               Object lower, Object upper, int upperMask) {
            BigDecimal resolution = sweepAxis.field().resolution();
            BigDecimal left = decimal(lower);
            BigDecimal right = decimal(upper);
            int rightMask = upperMask;
            while (true) {
                long firstStep = left.divide(resolution, 0, RoundingMode.FLOOR).longValueExact() + 1;
                long lastStep = right.divide(resolution, 0, RoundingMode.CEILING).longValueExact() - 1;
                if (firstStep > lastStep) {
                    break;
                }
                long middleStep = firstStep + (lastStep - firstStep) / 2;
                BigDecimal middle = resolution.multiply(BigDecimal.valueOf(middleStep));
                int mask = maskAt(line, axis, value(sweepAxis, middle), decision);
                if (mask == from) {
                    left = middle;
                } else {
                    right = middle;
                    rightMask = mask;
                }
            }
            for (Located place : change.places) {
                if (decimal(place.last).compareTo(left) == 0 && decimal(place.first).compareTo(right) == 0 && place.mask == rightMask) {
                    return place;
                }
            }
            return addPlace(change, value(sweepAxis, left), value(sweepAxis, right), rightMask);
        }

        /** Evaluates the line's scenario with the input at a value and returns the decision's mask, or -1 when it failed. */
        private int maskAt(Scenario line, int axis, Object value, int decision) {
            int signature = evaluate(axes.get(axis).field().apply(line, value), new String[1]);
            return signature < 0 ? -1 : codes.mask(signature, decision);
        }

        private BigDecimal decimal(Object value) {
            return value instanceof Long whole ? BigDecimal.valueOf(whole) : (BigDecimal) value;
        }

        private Object value(SweepAxis sweepAxis, BigDecimal value) {
            return sweepAxis.field().kind() == SweepField.Kind.WHOLE ? (Object) value.longValueExact() : value;
        }

        List<SweepResult.Edge> edges() {
            List<Map.Entry<ChangeKey, Change>> entries = new ArrayList<>(changes.entrySet());
            entries.sort(Comparator.comparingInt((Map.Entry<ChangeKey, Change> entry) -> entry.getKey().axis())
                    .thenComparingInt(entry -> entry.getKey().decision())
                    .thenComparingInt(entry -> entry.getKey().coordinate()));
            List<SweepResult.Edge> edges = new ArrayList<>();
            for (Map.Entry<ChangeKey, Change> entry : entries) {
                ChangeKey key = entry.getKey();
                String input = axes.get(key.axis()).field().name();
                long linesAlong = throughBase ? 1 : gridSize / axes.get(key.axis()).values().size();
                for (Located place : entry.getValue().places) {
                    edges.add(new SweepResult.Edge(input, codes.decisions().get(key.decision()).id(),
                            codes.label(key.decision(), key.from()), place.mask < 0 ? "(failed)" : codes.label(key.decision(), place.mask),
                            SweepField.format(place.last), SweepField.format(place.first), place.lines, place.checked, linesAlong));
                }
            }
            return edges;
        }
    }
}
