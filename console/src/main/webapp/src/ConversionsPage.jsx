import { useEffect, useState } from 'react';
import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Label,
  List,
  ListItem,
  PageSection,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { Td, Tr } from '@patternfly/react-table';
import { ListTable } from './ListTable.jsx';
import { call, download } from './api.js';
import { useApiList } from './useApiList.js';

// A tenant's conversions of repositories into Validated Patterns (GET/POST /api/conversions, admin).
const conversionsApi = {
  list: (t) => call(t, 'GET', '/api/conversions?limit=100').then((r) => r.data),
  get: (t, id) => call(t, 'GET', `/api/conversions/${encodeURIComponent(id)}`).then((r) => r.data),
  submit: (t, request) => call(t, 'POST', '/api/conversions', request).then((r) => r.data),
  download: (t, c) => download(t, `/api/conversions/${encodeURIComponent(c.id)}/pattern.zip`, `${c.pattern}.zip`),
};

const STATUS_COLOR = { REQUESTED: 'grey', RUNNING: 'blue', DONE: 'green', FAILED: 'red' };
/** While a conversion is under way the list asks again this often. */
const POLL_MILLIS = 1500;

export function ConversionsPage({ tenant }) {
  // While a conversion is under way the list is asked again.
  const { data: conversions, error, setError, refresh } = useApiList(
    async () => (await conversionsApi.list(tenant)).conversions, [tenant],
    { pollWhile: (list) => list.some((c) => c.status === 'REQUESTED' || c.status === 'RUNNING'), pollMillis: POLL_MILLIS });
  const [openId, setOpenId] = useState(null);

  const open = conversions.find((c) => c.id === openId);
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Conversions</Title>
        <Content component="p">Turn a repository into a Validated Pattern: read what was found, download the pattern.</Content>
      </PageSection>
      <PageSection>
        {error && <Alert variant="danger" isInline title={error} />}
        <SubmitForm tenant={tenant} onSubmitted={(c) => { setError(null); setOpenId(c.id); refresh(); }} />
      </PageSection>
      <PageSection>
        <Card>
          <CardTitle component="h2">Your conversions</CardTitle>
          <CardBody>
            <ListTable label="Conversions" columns={['Repository', 'Status', 'Pattern', 'Submitted']} actions>
              {conversions.map((c) => (
                <Tr key={c.id}>
                  <Td dataLabel="Repository" modifier="breakWord">{c.source}{c.ref ? ` @ ${c.ref}` : ''}</Td>
                  <Td dataLabel="Status"><Label color={STATUS_COLOR[c.status]}>{c.status.toLowerCase()}</Label></Td>
                  <Td dataLabel="Pattern">{c.pattern ?? '-'}</Td>
                  <Td dataLabel="Submitted">{new Date(c.createdAt).toLocaleString()}</Td>
                  <Td dataLabel="Actions">
                    <Button variant="secondary" aria-label={`Open conversion of ${c.source}`} onClick={() => setOpenId(c.id)}>
                      Open
                    </Button>
                  </Td>
                </Tr>
              ))}
            </ListTable>
            {conversions.length === 0 && <Content component="p">No conversions yet.</Content>}
          </CardBody>
        </Card>
      </PageSection>
      {open && (
        <PageSection>
          <ConversionDetail key={`${open.id}-${open.status}`} tenant={tenant} conversion={open} />
        </PageSection>
      )}
    </>
  );
}

function SubmitForm({ tenant, onSubmitted }) {
  const [repository, setRepository] = useState('');
  const [ref, setRef] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    try {
      const conversion = await conversionsApi.submit(tenant, { repository: repository.trim(), ref: ref.trim() || null });
      setError(null);
      setRepository('');
      setRef('');
      onSubmitted(conversion);
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <CardTitle component="h2">Convert a repository</CardTitle>
      <CardBody>
        <Form onSubmit={submit}>
          <FormGroup label="Repository" isRequired fieldId="conversion-repository">
            <TextInput id="conversion-repository" isRequired value={repository} onChange={(_e, v) => setRepository(v)}
              placeholder="https://github.com/org/repo.git" validated={error ? 'error' : 'default'}
              aria-describedby="conversion-repository-help" />
            <FormHelperText>
              <HelperText id="conversion-repository-help">
                <HelperTextItem variant={error ? 'error' : 'default'}>
                  {error ?? 'A public Git repository by its https:// URL, without credentials.'}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          <FormGroup label="Branch or tag" fieldId="conversion-ref">
            <TextInput id="conversion-ref" value={ref} onChange={(_e, v) => setRef(v)} placeholder="the default branch" />
          </FormGroup>
          <ActionGroup>
            <Button type="submit" isDisabled={busy || !repository.trim()} isLoading={busy}>Convert</Button>
          </ActionGroup>
        </Form>
      </CardBody>
    </Card>
  );
}

function ConversionDetail({ tenant, conversion }) {
  const [report, setReport] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    if (conversion.status !== 'DONE') {
      return;
    }
    conversionsApi.get(tenant, conversion.id).then((d) => setReport(d.report)).catch((e) => setError(e.message));
  }, [tenant, conversion.id, conversion.status]);

  return (
    <Card>
      <CardTitle component="h2">Report of {conversion.pattern ?? conversion.source}</CardTitle>
      <CardBody>
        {error && <Alert variant="danger" isInline title={error} />}
        <DescriptionList isCompact isHorizontal>
          <Term name="Repository">{conversion.source}{conversion.ref ? ` @ ${conversion.ref}` : ''}</Term>
          <Term name="Status"><span data-testid="conversion-status">{conversion.status.toLowerCase()}</span></Term>
          {conversion.reason && <Term name="Why it failed">{conversion.reason}</Term>}
          {conversion.finishedAt && <Term name="Finished">{new Date(conversion.finishedAt).toLocaleString()}</Term>}
        </DescriptionList>
        {conversion.status === 'DONE' && (
          <Button variant="primary" className="ragfn-download"
            onClick={() => conversionsApi.download(tenant, conversion).catch((e) => setError(e.message))}>
            Download {conversion.pattern}.zip
          </Button>
        )}
        {report && <Report report={report} />}
      </CardBody>
    </Card>
  );
}

function Term({ name, children }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{name}</DescriptionListTerm>
      <DescriptionListDescription>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

/** The parts of conversion-report.json a person reads first; the full report is in the zip. */
function Report({ report }) {
  const detections = report.detections ?? [];
  return (
    <div data-testid="conversion-report" className="ragfn-report">
      {report.nothing_to_convert ? (
        <Alert variant="info" isInline title="Nothing to convert: no Helm chart, Kustomize folder, manifest or operator Subscription." />
      ) : (
        <>
          <Title headingLevel="h3">Cluster groups</Title>
          <List>
            {Object.entries(report.applications ?? {}).map(([group, apps]) => (
              <ListItem key={group}>values-{group}.yaml: {apps.join(', ') || 'no applications'}</ListItem>
            ))}
          </List>
        </>
      )}
      <Title headingLevel="h3">Detected patterns</Title>
      <ListTable label="Detected patterns" columns={['Category', 'Confidence', 'Detected']}>
        {detections.map((d) => (
          <Tr key={d.category}>
            <Td dataLabel="Category">{d.name}</Td>
            <Td dataLabel="Confidence">{d.confidence} (minimum {d.min_confidence})</Td>
            <Td dataLabel="Detected">{d.detected ? 'yes' : 'no'}</Td>
          </Tr>
        ))}
      </ListTable>
      {(report.products ?? []).length > 0 && (
        <>
          <Title headingLevel="h3">Products</Title>
          <List>
            {report.products.map((p) => (
              <ListItem key={p.package}>{p.product ?? p.package}{p.version ? ` ${p.version}` : ''}</ListItem>
            ))}
          </List>
        </>
      )}
      <Title headingLevel="h3">Needs a human</Title>
      {(report.needs_human ?? []).length === 0 ? (
        <Content component="p">Nothing.</Content>
      ) : (
        <List>
          {report.needs_human.map((n) => <ListItem key={n}>{n}</ListItem>)}
        </List>
      )}
    </div>
  );
}
