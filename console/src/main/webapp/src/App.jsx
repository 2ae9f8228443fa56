import { useState } from 'react';
import {
  Button,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  Nav,
  NavItem,
  NavList,
  Page,
  PageSidebar,
  PageSidebarBody,
  PageToggleButton,
  TextInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { useHashRoute } from './useHashRoute.js';
import { ChatPage } from './ChatPage.jsx';
import { KnowledgeBasesPage } from './KnowledgeBasesPage.jsx';
import { AssistantsPage } from './AssistantsPage.jsx';
import { ConversionsPage } from './ConversionsPage.jsx';
import { SummariesPage } from './SummariesPage.jsx';
import { signOut } from './auth.js';

const PAGES = [
  { id: 'chat', title: 'Chat', Component: ChatPage },
  { id: 'knowledge-bases', title: 'Knowledge bases', Component: KnowledgeBasesPage },
  { id: 'assistants', title: 'Assistants', Component: AssistantsPage },
  { id: 'conversions', title: 'Conversions', Component: ConversionsPage },
  { id: 'summaries', title: 'Summaries', Component: SummariesPage },
];

function storedTenant() {
  return window.localStorage.getItem('ragfn.tenant') || 'demo';
}

export function App({ identity }) {
  const route = useHashRoute('chat');
  const signedIn = identity.mode === 'oidc';
  const [tenant, setTenant] = useState(signedIn ? identity.tenant : storedTenant);
  const page = PAGES.find((p) => p.id === route) ?? PAGES[0];

  const changeTenant = (value) => {
    setTenant(value);
    window.localStorage.setItem('ragfn.tenant', value);
  };

  const masthead = (
    <Masthead>
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton isHamburgerButton aria-label="Navigation" />
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo href="#/chat">ragfn</MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight>
          <ToolbarContent>
            {signedIn ? (
              <>
                <ToolbarItem>
                  <span className="ragfn-user" data-testid="signed-in-user">{identity.user} ({tenant})</span>
                </ToolbarItem>
                <ToolbarItem>
                  <Button variant="secondary" onClick={signOut}>Log out</Button>
                </ToolbarItem>
              </>
            ) : (
              <ToolbarItem>
                <TextInput
                  className="ragfn-tenant"
                  aria-label="Tenant"
                  placeholder="tenant"
                  value={tenant}
                  onChange={(_e, value) => changeTenant(value.trim())}
                />
              </ToolbarItem>
            )}
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );

  const sidebar = (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label="Console">
          <NavList>
            {PAGES.map((p) => (
              <NavItem key={p.id} to={`#/${p.id}`} isActive={p.id === page.id}>
                {p.title}
              </NavItem>
            ))}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );

  const { Component } = page;
  return (
    <Page masthead={masthead} sidebar={sidebar} isManagedSidebar>
      {tenant ? <Component key={tenant} tenant={tenant} /> : null}
    </Page>
  );
}
