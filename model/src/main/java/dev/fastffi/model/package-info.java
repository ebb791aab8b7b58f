/**
 * The one signature grammar and type model, shared by the runtime and the annotation processor
 * so that static and dynamic signatures parse alike and fail with the same messages. Not API.
 */
package dev.fastffi.model;
