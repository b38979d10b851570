/**
 * The oslo.versionedobjects framework: versioned objects, their fields and field types, the
 * primitive codec, backports to earlier versions and the errors of the object layer.
 */
package org.osvif.objects.base;
