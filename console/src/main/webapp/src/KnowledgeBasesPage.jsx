import { useCallback, useEffect, useState } from 'react';
import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  Flex,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Label,
  PageSection,
  Progress,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { Table, Caption, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { api, upload } from './api.js';

const STATUS_COLOR = { INDEXED: 'green', FAILED: 'red', RECEIVED: 'blue', CHUNKED: 'blue' };
const SETTLED = new Set(['INDEXED', 'FAILED']);

export function KnowledgeBasesPage({ tenant }) {
  const [knowledgeBases, setKnowledgeBases] = useState([]);
  const [selected, setSelected] = useState('');
  const [error, setError] = useState(null);

  const refresh = useCallback(async () => {
    try {
      const list = await api.knowledgeBases(tenant);
      setKnowledgeBases(list);
      setSelected((current) => current || list[0]?.knowledgeBase || '');
    } catch (e) {
      setError(e.message);
    }
  }, [tenant]);

  useEffect(() => {
    refresh();
  }, [refresh]);

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Knowledge bases</Title>
        <Content component="p">Upload files into a knowledge base and follow them until they are indexed.</Content>
      </PageSection>
      <PageSection>
        {error && <Alert variant="danger" isInline title={error} />}
        <Flex direction={{ default: 'column', lg: 'row' }} alignItems={{ lg: 'alignItemsFlexStart' }}>
          <Card>
            <CardTitle component="h2">Your knowledge bases</CardTitle>
            <CardBody>
              {knowledgeBases.length === 0 ? (
                <Content component="p">None yet: create one.</Content>
              ) : (
                <FormGroup label="Knowledge base" fieldId="kb-select">
                  <FormSelect id="kb-select" value={selected} onChange={(_e, v) => setSelected(v)}>
                    {knowledgeBases.map((kb) => (
                      <FormSelectOption
                        key={kb.knowledgeBase}
                        value={kb.knowledgeBase}
                        label={`${kb.displayName || kb.knowledgeBase} (${kb.documents} documents)`}
                      />
                    ))}
                  </FormSelect>
                </FormGroup>
              )}
            </CardBody>
          </Card>
          <NewKnowledgeBase tenant={tenant} onCreated={(kb) => { setSelected(kb); refresh(); }} />
        </Flex>
      </PageSection>
      {selected && (
        <PageSection>
          <Documents key={selected} tenant={tenant} kb={selected} onChange={refresh} />
        </PageSection>
      )}
    </>
  );
}

function NewKnowledgeBase({ tenant, onCreated }) {
  const [name, setName] = useState('');
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    try {
      await api.createKnowledgeBase(tenant, { knowledgeBase: name, displayName: name });
      setError(null);
      setName('');
      onCreated(name);
    } catch (err) {
      setError(err.message);
    }
  };
  return (
    <Card>
      <CardTitle component="h2">New knowledge base</CardTitle>
      <CardBody>
        <Form onSubmit={submit}>
          {error && <Alert variant="danger" isInline title={error} />}
          <FormGroup label="Name" isRequired fieldId="kb-name">
            <TextInput id="kb-name" isRequired value={name} onChange={(_e, v) => setName(v)} />
          </FormGroup>
          <ActionGroup>
            <Button type="submit" isDisabled={!name}>Create</Button>
          </ActionGroup>
        </Form>
      </CardBody>
    </Card>
  );
}

function Documents({ tenant, kb, onChange }) {
  const [documents, setDocuments] = useState([]);
  const [file, setFile] = useState(null);
  const [progress, setProgress] = useState(null);
  const [error, setError] = useState(null);

  const load = useCallback(async () => {
    try {
      setDocuments((await api.documents(tenant, kb)).documents);
    } catch (e) {
      setError(e.message);
    }
  }, [tenant, kb]);

  useEffect(() => {
    load();
  }, [load]);

  // Follow documents still on their way in until each is indexed or failed.
  const pending = documents.some((d) => !SETTLED.has(d.status));
  useEffect(() => {
    if (!pending) {
      return undefined;
    }
    const timer = setInterval(load, 1000);
    return () => clearInterval(timer);
  }, [pending, load]);

  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    setProgress(0);
    try {
      await upload(tenant, kb, file, setProgress);
      setFile(null);
      e.target.reset();
      await load();
      onChange();
    } catch (err) {
      setError(err.message);
    } finally {
      setProgress(null);
    }
  };

  const remove = async (id) => {
    try {
      await api.deleteDocument(tenant, kb, id);
      await load();
      onChange();
    } catch (err) {
      setError(err.message);
    }
  };

  return (
    <Card>
      <CardTitle component="h2">Documents of {kb}</CardTitle>
      <CardBody>
        <Form onSubmit={submit}>
          {error && <Alert variant="danger" isInline title={error} />}
          <FormGroup label="File to upload" fieldId="upload-file">
            <input
              id="upload-file"
              type="file"
              className="pf-v6-c-form-control"
              onChange={(e) => setFile(e.target.files[0] ?? null)}
            />
          </FormGroup>
          {progress !== null && <Progress value={progress} title="Uploading" aria-label="Upload progress" />}
          <ActionGroup>
            <Button type="submit" isDisabled={!file || progress !== null}>Upload</Button>
          </ActionGroup>
        </Form>
        <Table aria-label={`Documents of ${kb}`} variant="compact" gridBreakPoint="grid-md">
          <Caption>{documents.length} documents</Caption>
          <Thead>
            <Tr>
              <Th>Document</Th>
              <Th>Status</Th>
              <Th>Chunks</Th>
              <Th>Updated</Th>
              <Th screenReaderText="Actions" />
            </Tr>
          </Thead>
          <Tbody>
            {documents.map((d) => (
              <Tr key={d.documentId}>
                <Td dataLabel="Document">{d.title || d.documentId}</Td>
                <Td dataLabel="Status">
                  <Label color={STATUS_COLOR[d.status] ?? 'grey'}>{d.status.toLowerCase()}</Label>
                  {d.failureReason && <div className="pf-v6-u-danger-color-100">{d.failureReason}</div>}
                </Td>
                <Td dataLabel="Chunks">{d.chunkCount}</Td>
                <Td dataLabel="Updated">{d.updatedAt ? new Date(d.updatedAt).toLocaleString() : ''}</Td>
                <Td dataLabel="Actions">
                  <Button variant="secondary" isDanger aria-label={`Delete ${d.documentId}`} onClick={() => remove(d.documentId)}>
                    Delete
                  </Button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </CardBody>
    </Card>
  );
}
