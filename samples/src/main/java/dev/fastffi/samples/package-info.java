/** Real system libraries bound the way users would bind them, and the demo the README runs. */
package dev.fastffi.samples;
