package dev.fastffi.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a record matches a struct: one component per field, in order, each of a type the
 * type table allows both as an argument and as a result of the field ({@link JavaTypes#field}, as a
 * record goes both ways), an array of the field's carrier for {@code [n]T} ({@link JavaTypes#fieldCarrier}),
 * or a matching record for a nested struct. The processor and the runtime describe records their own way and share
 * the rules and the words.
 */
public final class StructRecords {

    /** A record as the processor (from mirrors) or the runtime (from classes) sees it. */
    public interface RecordView {
        /** The simple name, for messages. */
        String name();

        List<Component> components();
    }

    /**
     * One record component.
     *
     * @param typeName the type as the type table names it ({@code double}, {@code int[]})
     * @param record the component's type when it is a record, otherwise null
     */
    public record Component(String name, String typeName, RecordView record) {}

    /**
     * One disagreement, reported on component {@code component} of the checked record, or on the
     * record as a whole when {@code component} is -1 (a field without a component).
     */
    public record Mismatch(int component, String message) {}

    private StructRecords() {}

    /**
     * Stands for the record {@code name} inside itself: a view puts it where a component's record
     * is one the view is already inside, so that a record that holds itself is a finite view.
     */
    public static RecordView itself(String name) {
        return new Itself(name);
    }

    private record Itself(String name) implements RecordView {
        @Override
        public List<Component> components() {
            return List.of();
        }
    }

    /**
     * A record that holds itself by value: its simple name, and the components that lead from it
     * back to it, e.g. {@code Node.next} or {@code A.b, B.a}.
     */
    public record SelfReference(String record, String path) {}

    /**
     * Whether {@code record} holds a record by value inside itself, which no struct can, as it
     * would have no end: that record, directly or among its components' records.
     */
    public static Optional<SelfReference> selfReference(RecordView record) {
        return selfReference(record, new ArrayList<>());
    }

    private static Optional<SelfReference> selfReference(RecordView record, List<String[]> trail) {
        for (Component component : record.components()) {
            RecordView nested = component.record();
            if (nested == null) {
                continue;
            }
            trail.add(new String[] {record.name(), component.name()});
            if (nested instanceof Itself itself) {
                int from = 0;
                while (!trail.get(from)[0].equals(itself.name())) {
                    from++;
                }
                return Optional.of(new SelfReference(itself.name(), String.join(", ",
                        trail.subList(from, trail.size()).stream().map(step -> step[0] + "." + step[1]).toList())));
            }
            Optional<SelfReference> found = selfReference(nested, trail);
            if (found.isPresent()) {
                return found;
            }
            trail.remove(trail.size() - 1);
        }
        return Optional.empty();
    }

    /** Every disagreement between {@code record} and {@code struct}, in component order. */
    public static List<Mismatch> check(StructType struct, RecordView record) {
        List<Mismatch> mismatches = new ArrayList<>();
        List<Component> components = record.components();
        List<FieldType> fields = struct.fields();
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            if (i >= fields.size()) {
                mismatches.add(new Mismatch(i, "record " + record.name() + " component '" + component.name()
                        + "' has no field in " + struct + ", which has " + count(fields.size())
                        + "; remove the component or add a field"));
            } else {
                Optional<String> problem = describe(fields.get(i), component);
                if (problem.isPresent()) {
                    mismatches.add(new Mismatch(i, "record " + record.name() + " component '" + component.name()
                            + "' " + problem.get()));
                }
            }
        }
        if (components.size() < fields.size()) {
            mismatches.add(new Mismatch(-1, "record " + record.name() + " has " + components.size()
                    + " components but " + struct + " has " + count(fields.size()) + "; add a component for "
                    + String.join(", ", fields.subList(components.size(), fields.size()).stream()
                            .map(StructRecords::expected).toList())));
        }
        return mismatches;
    }

    /** What is wrong with {@code component} standing for {@code field}, if anything. */
    private static Optional<String> describe(FieldType field, Component component) {
        String expected = expected(field);
        if (field instanceof StructType nested) {
            if (component.record() == null) {
                return Optional.of("is " + JavaTypes.simpleName(component.typeName())
                        + ", but the field is the struct " + nested + "; declare it as a record matching " + nested);
            }
            List<Mismatch> inner = check(nested, component.record());
            return inner.isEmpty() ? Optional.empty()
                    : Optional.of("does not match the struct " + nested + ": " + inner.get(0).message());
        }
        if (field instanceof FieldType.Scalar scalar) {
            if (JavaTypes.field(scalar.type(), component.typeName()) != JavaTypes.Support.NONE) {
                return Optional.empty();
            }
            return Optional.of("is " + JavaTypes.simpleName(component.typeName()) + ", but the field is "
                    + field + "; declare it as " + oneOf(JavaTypes.allowedFields(scalar.type())));
        }
        if (!component.typeName().equals(expected)) {
            return Optional.of("is " + JavaTypes.simpleName(component.typeName()) + ", but the field is "
                    + field + "; declare it as " + JavaTypes.simpleName(expected)
                    + " (a fixed array is an array of the field's carrier)");
        }
        return Optional.empty();
    }

    /** The Java type a field is declared as, e.g. {@code double} for f64, {@code int[]} for {@code [4]i32}. */
    public static String expected(FieldType field) {
        return switch (field) {
            case FieldType.Scalar scalar -> JavaTypes.fieldCarrier(scalar.type());
            case FieldType.Array array -> JavaTypes.fieldCarrier(array.element()) + "[]";
            case StructType struct -> "a record matching " + struct;
        };
    }

    /** {@code int, Integer or Long}: the simple names of {@code types}, in order. */
    private static String oneOf(List<String> types) {
        List<String> names = types.stream().map(JavaTypes::simpleName).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String count(int fields) {
        return fields + (fields == 1 ? " field" : " fields");
    }
}
