/**
 * The code of docs/guide.md and the README: every snippet there is a tagged region of these files,
 * compiled by the build and compared with the docs by {@code DocSnippetsTest}.
 */
package dev.fastffi.samples.guide;
