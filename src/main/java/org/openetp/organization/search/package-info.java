/** Organization search inside the module: the validated filter, its cursor and the classifier's category subtrees. */
@org.jspecify.annotations.NullMarked
package org.openetp.organization.search;
