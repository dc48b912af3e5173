import '../results.css';
import { Link } from 'react-router';
import { describeDelivery, type DeliveryProject } from '../results-model';

/** How far each funded project of a pot has got, as a progress bar with its value in words. */
export function DeliveryProgress({ projects }: { projects: readonly DeliveryProject[] }) {
  if (projects.length === 0) return <p>Delivery progress will appear here once work on the funded projects is tracked.</p>;
  return (
    <ul className="delivery">
      {projects.map((project) => {
        const textId = `delivery-${project.projectId}`;
        return (
          <li key={project.projectId} className="delivery__project">
            <p className="delivery__title">
              <strong>{project.title}</strong>
            </p>
            <progress className="delivery__bar" max={100} value={project.progress} aria-label={`${project.title}: progress`} aria-describedby={textId} />
            <p id={textId} className="delivery__text">
              {describeDelivery(project)}
            </p>
            <p className="delivery__text">
              <Link to={`/projects/${project.projectId}/delivery`}>Milestones and updates for {project.title}</Link>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
