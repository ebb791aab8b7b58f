package dev.fastffi.importer;

import java.util.ArrayList;
import java.util.List;

/** A struct or union tag; its fields are null until (and unless) a definition is seen. */
final class CStruct {
    /**
     * One member; {@code bits} is -1 unless it is a bit-field; {@code aligned} when an attribute,
     * alignment specifier or typedef gives it other than natural alignment.
     */
    record Field(String name, CType type, int bits, boolean aligned) {}

    final String tag;
    final boolean union;
    final String file;
    List<Field> fields;
    boolean packed;
    /** The first typedef name that denotes this struct, for the record's name. */
    String typedefName;
    /** For a struct with neither tag nor typedef: a name from where it is used, such as its member's. */
    String usedAs;
    /** Set by the type mapper: the record's Java name, or why there is none. */
    String javaName;
    String skipReason;
    boolean mapped;

    CStruct(String tag, boolean union, String file) {
        this.tag = tag;
        this.union = union;
        this.file = file;
    }

    boolean isComplete() {
        return fields != null;
    }

    void define(List<Field> members) {
        this.fields = new ArrayList<>(members);
    }

    /** The C spelling, for messages: {@code struct point}, {@code union value} or the typedef name. */
    String cName() {
        String keyword = union ? "union" : "struct";
        if (tag != null) {
            return keyword + " " + tag;
        }
        return typedefName != null ? typedefName : "anonymous " + keyword;
    }
}
