/**
 * The inputs every position forecast reads, as Bueno de Mesquita's expected-utility model, KTAB's
 * spatial model and the compromise model read them: for each issue, each actor's position on it,
 * the salience it attaches to it (0..1) and its capability (clout, resources; >= 0). Plain numbers:
 * a forecast of a scenario with uncertain values reads their central values (scenario-issues.ts).
 */
export interface ForecastActor {
  name: string;
  capability: number;
  position: number;
  salience: number;
}

export interface ForecastIssue {
  /** the issue's id (the CSV's `issue` column, or the scenario's issue id) */
  id: string;
  /** a longer name for people, when there is one */
  name: string;
  actors: ForecastActor[];
}
