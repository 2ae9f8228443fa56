import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Gallery,
  Label,
  List,
  ListItem,
  PageSection,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { api } from './api.js';
import { useApiList } from './useApiList.js';
import { DeductionBars, formatValue, HealthRing, IncidentTimeline, MetricRanges, MetricRangesLegend } from './SummaryCharts.jsx';

const RANGES = [
  { days: 7, label: 'last 7 days' },
  { days: 30, label: 'last 30 days' },
  { days: 365, label: 'last year' },
];

/** Window lengths as summarize's schedules write them (ISO-8601 durations, as the API takes them). */
const WINDOWS = [
  { value: '', label: 'any length' },
  { value: 'PT1H', label: 'hourly' },
  { value: 'PT24H', label: 'daily' },
  { value: 'P7D', label: 'weekly' },
];

const PAGE_SIZE = 20;

/**
 * Stored metrics summaries of a scope (namespace/model, as summarize keys them), newest first a page at a
 * time, filtered by time range and window length; one opens as its report with charts. The scopes to pick
 * from are those the tenant has summaries of; the last one picked, or else the first, is shown at once.
 */
export function SummariesPage({ tenant }) {
  const { data: scopes, error: scopesError } = useApiList(() => api.summaryScopes(tenant), [tenant]);
  const [scope, setScope] = useState(() => window.localStorage.getItem('ragfn.summaries.scope') || '');
  const [days, setDays] = useState(30);
  const [length, setLength] = useState('');
  // The list shown: the filters as last submitted, and the cursors of the pages before this one.
  const [query, setQuery] = useState(null);
  const [cursors, setCursors] = useState([]);
  const [chosen, setChosen] = useState(null);
  const picked = scopes.includes(scope) ? scope : (scopes[0] ?? '');

  useEffect(() => {
    if (query === null && picked) {
      setQuery({ scope: picked, days, window: length });
    }
  }, [picked]);

  const after = cursors[cursors.length - 1];
  const { data: page, error: listError, setError } = useApiList(async () => (query === null ? null : api.summaries(tenant, {
    scope: query.scope,
    from: new Date(Date.now() - query.days * 86_400_000).toISOString(),
    window: query.window,
    after,
    limit: PAGE_SIZE,
  })), [tenant, query, after], { initial: null });

  const search = (e) => {
    e.preventDefault();
    if (!picked) {
      return;
    }
    window.localStorage.setItem('ragfn.summaries.scope', picked);
    setChosen(null);
    setCursors([]);
    setQuery({ scope: picked, days, window: length });
  };

  const open = async (entry) => {
    setError(null);
    try {
      const summary = await api.summary(tenant, entry);
      setChosen({ ...summary, report: JSON.parse(summary.reportJson) });
    } catch (err) {
      setError(err.message);
    }
  };

  const error = listError || scopesError;
  const list = page?.summaries;
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Summaries</Title>
        <Content component="p">Reports summarize writes from the model servers' metrics, by scope (namespace/model).</Content>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          {error && <StackItem><Alert variant="danger" isInline title={error} /></StackItem>}
          <StackItem>
            <Form isHorizontal onSubmit={search}>
              <FormGroup label="Scope" fieldId="summary-scope">
                <FormSelect id="summary-scope" value={picked} isDisabled={scopes.length === 0} onChange={(_e, v) => setScope(v)}>
                  {scopes.length === 0 && <FormSelectOption value="" label="no summaries yet" isPlaceholder />}
                  {scopes.map((s) => <FormSelectOption key={s} value={s} label={s} />)}
                </FormSelect>
              </FormGroup>
              <FormGroup label="Windows from" fieldId="summary-range">
                <FormSelect id="summary-range" value={days} onChange={(_e, v) => setDays(Number(v))}>
                  {RANGES.map((r) => <FormSelectOption key={r.days} value={r.days} label={r.label} />)}
                </FormSelect>
              </FormGroup>
              <FormGroup label="Window length" fieldId="summary-window">
                <FormSelect id="summary-window" value={length} onChange={(_e, v) => setLength(v)}>
                  {WINDOWS.map((w) => <FormSelectOption key={w.value} value={w.value} label={w.label} />)}
                </FormSelect>
              </FormGroup>
              <div><Button type="submit" isDisabled={!picked}>Show summaries</Button></div>
            </Form>
          </StackItem>
          {list && (
            <StackItem>
              {list.length === 0 ? <Content component="p">No summary of {query.scope} in that range.</Content> : (
                <Table aria-label="Summaries" variant="compact">
                  <Thead>
                    <Tr><Th>Window</Th><Th>Written</Th><Th screenReaderText="Actions" /></Tr>
                  </Thead>
                  <Tbody>
                    {list.map((s) => (
                      <Tr key={s.windowStart + s.windowEnd} isRowSelected={chosen?.windowStart === s.windowStart}>
                        <Td dataLabel="Window">{when(s.windowStart)} to {when(s.windowEnd)}</Td>
                        <Td dataLabel="Written">{when(s.createdAt)}</Td>
                        <Td dataLabel="Actions">
                          <Button variant="link" isInline onClick={() => open(s)}
                            aria-label={`Open the summary of ${when(s.windowStart)} to ${when(s.windowEnd)}`}>Open</Button>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              )}
              <Flex className="ragfn-pager">
                <Button variant="secondary" isDisabled={cursors.length === 0} onClick={() => setCursors([])}>Newest</Button>
                <Button variant="secondary" isDisabled={!page.next} onClick={() => setCursors((c) => [...c, page.next])}>
                  Older
                </Button>
              </Flex>
            </StackItem>
          )}
          {chosen && <StackItem><Report summary={chosen} /></StackItem>}
        </Stack>
      </PageSection>
    </>
  );
}

/** One summary: its health, the charts of its findings, then the report's sections as text. */
function Report({ summary }) {
  const { findings, sections, writer } = summary.report;
  const withData = findings.metrics.filter((m) => m.stats);
  return (
    <section aria-labelledby="report-title" data-testid="summary-report">
      <Stack hasGutter>
        <Title headingLevel="h2" id="report-title">
          {summary.scope}, {when(findings.windowStart)} to {when(findings.windowEnd)}
        </Title>
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem><HealthRing score={findings.healthScore} /></FlexItem>
          <FlexItem flex={{ default: 'flex_1' }}>
            <Content component="p">{sections.summary}</Content>
            <Label isCompact>{findings.status.toLowerCase().replace('_', ' ')}</Label>{' '}
            <Label isCompact>written by the {writer} writer</Label>
          </FlexItem>
        </Flex>
        {withData.length > 0 && (
          <Card isCompact>
            <CardTitle component="h3">Metrics over the window</CardTitle>
            <CardBody>
              <MetricRanges metrics={findings.metrics} />
              <MetricRangesLegend />
            </CardBody>
          </Card>
        )}
        <Gallery hasGutter minWidths={{ default: '100%', lg: '45%' }}>
          <IncidentsCard findings={findings} />
          {findings.deductions?.length > 0 && (
            <Card isCompact>
              <CardTitle component="h3">Where the health points went</CardTitle>
              <CardBody><DeductionBars deductions={findings.deductions} /></CardBody>
            </Card>
          )}
        </Gallery>
        {withData.length > 0 && <MetricTable metrics={withData} />}
        <Sections sections={sections} />
      </Stack>
    </section>
  );
}

function IncidentsCard({ findings }) {
  const any = findings.metrics.some((m) => m.anomalies?.length);
  return (
    <Card isCompact>
      <CardTitle component="h3">Incidents</CardTitle>
      <CardBody>
        {any ? <IncidentTimeline metrics={findings.metrics} windowStart={findings.windowStart} windowEnd={findings.windowEnd} />
          : <Content component="p">No spikes, drops or plateaus.</Content>}
      </CardBody>
    </Card>
  );
}

/** The charts' numbers as a table, for reading exact values and for screen readers. */
function MetricTable({ metrics }) {
  return (
    <Table aria-label="Metric statistics" variant="compact">
      <Thead>
        <Tr><Th>Metric</Th><Th>Latest</Th><Th>Mean</Th><Th>p50</Th><Th>p95</Th><Th>p99</Th><Th>Max</Th><Th>Limit</Th><Th>Trend</Th></Tr>
      </Thead>
      <Tbody>
        {metrics.map((m) => (
          <Tr key={m.name}>
            <Td dataLabel="Metric">{m.title}</Td>
            <Td dataLabel="Latest">{formatValue(m.stats.latest, m.unit)}</Td>
            <Td dataLabel="Mean">{formatValue(m.stats.mean, m.unit)}</Td>
            <Td dataLabel="p50">{formatValue(m.stats.p50, m.unit)}</Td>
            <Td dataLabel="p95">{formatValue(m.stats.p95, m.unit)}</Td>
            <Td dataLabel="p99">{formatValue(m.stats.p99, m.unit)}</Td>
            <Td dataLabel="Max">{formatValue(m.stats.max, m.unit)}</Td>
            <Td dataLabel="Limit">{m.limit === null || m.limit === undefined ? '–' : formatValue(m.limit, m.unit)}</Td>
            <Td dataLabel="Trend">{m.trend ? m.trend.direction.toLowerCase() : '–'}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function Sections({ sections }) {
  const parts = [
    ['Needs attention', sections.attention],
    ['Trends', sections.trends],
    ['Incidents', sections.anomalies],
    ['Recommendations', sections.recommendations],
  ].filter(([, lines]) => lines?.length);
  return parts.map(([title, lines]) => (
    <section key={title} aria-label={title}>
      <Title headingLevel="h3">{title}</Title>
      <List>{lines.map((line, i) => <ListItem key={i}>{line}</ListItem>)}</List>
    </section>
  ));
}

function when(iso) {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '';
}
