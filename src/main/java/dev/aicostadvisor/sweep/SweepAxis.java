package dev.aicostadvisor.sweep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.aicostadvisor.model.Scenario;

/**
 * One varied input of a sweep and the values it takes, parsed from a {@code --vary} specification:
 *
 * <ul>
 *   <li>{@code FIELD=FROM..TO:STEPS}: STEPS equal steps from FROM to TO, both included, so STEPS + 1 values;
 *       a whole-number field rounds each value half up and drops repeats;</li>
 *   <li>{@code FIELD=FROM..TO}: every whole number from FROM to TO, for whole-number fields;</li>
 *   <li>{@code FIELD=A,B,C}: the values listed, numbers or choices in any case, and {@code *} for every
 *       value of a choice field.</li>
 * </ul>
 *
 * @param field  the input
 * @param values its values in sweep order: {@link BigDecimal}, {@link Long} or enum constants, without repeats
 */
public record SweepAxis(SweepField field, List<Object> values) {

    /** The maximum number of values of one input, which bounds the grid and the time a sweep takes. */
    public static final int MAX_VALUES = 100_000;

    private static final String SYNTAX = "expected FIELD=FROM..TO:STEPS, FIELD=FROM..TO for whole numbers, or FIELD=A,B,C";

    public SweepAxis {
        values = List.copyOf(values);
    }

    /**
     * Parses a {@code --vary} specification and checks every value against the base scenario.
     *
     * @throws InvalidSweepException with a one-line message that names the specification, what is wrong
     *                               and what is allowed
     */
    public static SweepAxis parse(String specification, Scenario base) {
        try {
            SweepAxis axis = parseValues(specification);
            for (Object value : axis.values()) {
                axis.field().apply(base, value);
            }
            return axis;
        } catch (InvalidSweepException | IllegalArgumentException e) {
            throw new InvalidSweepException("invalid --vary '" + specification + "': " + e.getMessage());
        }
    }

    /** Returns whether the values are numbers, between which an edge can be bisected. */
    public boolean numeric() {
        return field.kind() != SweepField.Kind.CHOICE;
    }

    private static SweepAxis parseValues(String specification) {
        int equals = specification.indexOf('=');
        if (equals <= 0 || equals == specification.length() - 1) {
            throw new InvalidSweepException(SYNTAX);
        }
        SweepField field = SweepField.named(specification.substring(0, equals).trim());
        String spec = specification.substring(equals + 1).trim();
        List<Object> values = spec.contains("..") ? range(field, spec) : list(field, spec);
        if (values.size() > MAX_VALUES) {
            throw new InvalidSweepException(values.size() + " values is more than the " + MAX_VALUES + " one input may take; use fewer STEPS");
        }
        return new SweepAxis(field, values);
    }

    private static List<Object> list(SweepField field, String spec) {
        if (field.kind() == SweepField.Kind.CHOICE && spec.equals("*")) {
            return field.choices();
        }
        Set<Object> values = new LinkedHashSet<>();
        for (String item : spec.split(",", -1)) {
            if (item.isBlank()) {
                throw new InvalidSweepException("empty item in the list; " + SYNTAX);
            }
            values.add(field.kind() == SweepField.Kind.CHOICE ? field.parseChoice(item) : number(field, item));
        }
        return new ArrayList<>(values);
    }

    private static List<Object> range(SweepField field, String spec) {
        if (field.kind() == SweepField.Kind.CHOICE) {
            throw new InvalidSweepException(field.name() + " takes a list of values such as "
                    + String.join(",", field.choices().stream().map(Object::toString).toList()) + ", or *, not a range");
        }
        int dots = spec.indexOf("..");
        int colon = spec.indexOf(':', dots);
        BigDecimal from = decimal(spec.substring(0, dots));
        BigDecimal to = decimal(colon < 0 ? spec.substring(dots + 2) : spec.substring(dots + 2, colon));
        if (from.compareTo(to) > 0) {
            throw new InvalidSweepException("FROM " + from.toPlainString() + " is above TO " + to.toPlainString() + "; " + SYNTAX);
        }
        if (colon < 0) {
            return wholeRange(field, from, to);
        }
        int steps = steps(spec.substring(colon + 1));
        Set<Object> values = new LinkedHashSet<>();
        BigDecimal span = to.subtract(from);
        int scale = Math.max(Math.max(from.scale(), to.scale()), field.resolution().scale());
        for (int i = 0; i <= steps; i++) {
            BigDecimal value = from.add(span.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(steps), scale, RoundingMode.HALF_UP))
                    .stripTrailingZeros();
            values.add(field.kind() == SweepField.Kind.WHOLE ? (Object) value.setScale(0, RoundingMode.HALF_UP).longValueExact() : value);
        }
        return new ArrayList<>(values);
    }

    private static List<Object> wholeRange(SweepField field, BigDecimal from, BigDecimal to) {
        if (field.kind() != SweepField.Kind.WHOLE) {
            throw new InvalidSweepException(field.name() + " is a decimal, so give the number of steps, as FROM..TO:STEPS");
        }
        long first = whole(field, from);
        long last = whole(field, to);
        if (last - first + 1 > MAX_VALUES) {
            throw new InvalidSweepException((last - first + 1) + " values is more than the " + MAX_VALUES
                    + " one input may take; give a number of steps, as FROM..TO:STEPS");
        }
        List<Object> values = new ArrayList<>();
        for (long value = first; value <= last; value++) {
            values.add(value);
        }
        return values;
    }

    private static Object number(SweepField field, String text) {
        BigDecimal value = decimal(text);
        return field.kind() == SweepField.Kind.WHOLE ? (Object) whole(field, value) : value;
    }

    private static long whole(SweepField field, BigDecimal value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidSweepException("'" + value.toPlainString() + "' is not a whole number; " + field.name() + " takes whole numbers");
        }
    }

    private static BigDecimal decimal(String text) {
        String trimmed = text.trim();
        if (!trimmed.matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw new InvalidSweepException("'" + trimmed + "' is not a number; " + SYNTAX);
        }
        return new BigDecimal(trimmed);
    }

    private static int steps(String text) {
        String trimmed = text.trim();
        if (!trimmed.matches("[0-9]{1,9}") || Integer.parseInt(trimmed) < 1) {
            throw new InvalidSweepException("STEPS '" + trimmed + "' is not a whole number of at least 1; " + SYNTAX);
        }
        int steps = Integer.parseInt(trimmed);
        if (steps >= MAX_VALUES) {
            throw new InvalidSweepException(steps + " steps is more than the " + (MAX_VALUES - 1) + " one input may take");
        }
        return steps;
    }
}
