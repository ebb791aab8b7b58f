/**
 * The one signature grammar, type table and rule set, shared by the annotation processor (over
 * type mirrors) and the runtime (over reflection). Not an API for users: its packages may change
 * in any release.
 */
module dev.fastffi.model {
    requires transitive dev.fastffi.annotations;

    exports dev.fastffi.model;
}
