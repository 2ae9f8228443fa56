import { useEffect, useState } from 'react';
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

/** PatternFly lays the page out for phones below its xl breakpoint: the navigation then covers the page. */
const MOBILE_BELOW_PX = 1200;

function storedTenant() {
  return window.localStorage.getItem('ragfn.tenant') || 'demo';
}

export function App({ identity }) {
  const route = useHashRoute('chat');
  const signedIn = identity.mode === 'oidc';
  const [tenant, setTenant] = useState(signedIn ? identity.tenant : storedTenant);
  const page = PAGES.find((p) => p.id === route.split('?')[0]) ?? PAGES[0];
  const [mobile, setMobile] = useState(() => window.innerWidth < MOBILE_BELOW_PX);
  const [navigationOpen, setNavigationOpen] = useState(!mobile);

  // On a phone the navigation lies over the page: it opens on its toggle and closes once a page is
  // chosen (also the one already shown, or by the back button); on a wide screen it stays beside the page.
  useEffect(() => setNavigationOpen(!mobile), [mobile]);
  useEffect(() => {
    if (mobile) {
      setNavigationOpen(false);
    }
  }, [route]);

  const changeTenant = (value) => {
    setTenant(value);
    window.localStorage.setItem('ragfn.tenant', value);
  };

  const masthead = (
    <Masthead>
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton isHamburgerButton aria-label="Navigation" isSidebarOpen={navigationOpen}
            onSidebarToggle={() => setNavigationOpen((open) => !open)} />
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
                <ToolbarItem className="ragfn-masthead-item">
                  <span className="ragfn-user" data-testid="signed-in-user">{identity.user} ({tenant})</span>
                </ToolbarItem>
                <ToolbarItem>
                  <Button variant="secondary" onClick={signOut}>Log out</Button>
                </ToolbarItem>
              </>
            ) : (
              <ToolbarItem className="ragfn-masthead-item">
                <label htmlFor="ragfn-tenant" className="ragfn-tenant-label">Tenant</label>
                <TextInput
                  id="ragfn-tenant"
                  className="ragfn-tenant"
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
    <PageSidebar isSidebarOpen={navigationOpen}>
      <PageSidebarBody>
        <Nav aria-label="Console" onSelect={() => mobile && setNavigationOpen(false)}>
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
    <Page masthead={masthead} sidebar={sidebar} onPageResize={(_e, { mobileView }) => setMobile(mobileView)}>
      {tenant ? <Component key={tenant} tenant={tenant} /> : null}
    </Page>
  );
}
