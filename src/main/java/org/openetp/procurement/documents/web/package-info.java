/** Documentation and clarifications over the API and as sections of the procedure page. */
@org.jspecify.annotations.NullMarked
package org.openetp.procurement.documents.web;
