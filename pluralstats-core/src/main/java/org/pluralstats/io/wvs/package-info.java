/**
 * World Values Survey and European Values Study conventions: which variables hold the country, the
 * interview language and the weights in Wave 7 and in the joint EVS/WVS 2017-2022 file, and how
 * their negative codes map to missing reasons.
 */
package org.pluralstats.io.wvs;
