/**
 * The one signature grammar and type model, the one rule set that decides whether a method fits
 * its signature and which path it takes, and the one catalogue of messages; the runtime and the
 * annotation processor share them, so a misdeclaration reads the same at compile and at run time. Not API.
 */
package dev.fastffi.model;
