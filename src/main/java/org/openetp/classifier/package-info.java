/** The product/service category tree (OKPD2) and the region list, in English, Russian and Thai. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package org.openetp.classifier;
