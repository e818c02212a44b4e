import { useEffect, useState } from 'preact/hooks';
import { fetchRestaurant } from './public_api.js';

// Loads the restaurant and shows the booking steps. (The steps follow in
// this component as the public booking API grows.)
export function BookingApp({ slug }) {
  const [restaurant, setRestaurant] = useState(null);
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    fetchRestaurant(slug).then(setRestaurant, (e) => setProblem(e.message));
  }, [slug]);
  if (problem) return <p class="error" role="alert">{problem}</p>;
  if (!restaurant) return <p class="loading">Loading…</p>;
  return (
    <>
      <h1>{restaurant.name}</h1>
      <p class="muted">{[restaurant.address?.street, restaurant.address?.city].filter(Boolean).join(', ')}</p>
    </>
  );
}
