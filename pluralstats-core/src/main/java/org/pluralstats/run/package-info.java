/**
 * Running an analysis: the analysis file ({@link org.pluralstats.run.Analysis}: which survey exports, data
 * files, model outputs and answer distributions to analyse) and the orchestration that reads those inputs
 * through {@code io}, runs the estimators and collects their results ({@link org.pluralstats.run.AnalysisRun}).
 * The flow is one way: {@code io} → estimators → results here → {@code report}, which only presents them.
 */
package org.pluralstats.run;
