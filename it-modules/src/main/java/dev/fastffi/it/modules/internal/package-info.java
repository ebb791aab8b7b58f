/** Bindings the module keeps to itself: not exported, not opened, not even to the runtime. */
package dev.fastffi.it.modules.internal;
