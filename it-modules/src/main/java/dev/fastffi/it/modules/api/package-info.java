/** Bindings in the package the module exports. */
package dev.fastffi.it.modules.api;
